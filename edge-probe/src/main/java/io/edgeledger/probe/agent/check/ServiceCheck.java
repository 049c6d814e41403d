package io.edgeledger.probe.agent.check;

import java.util.List;

/**
 * A service check as Datadog defines it: a named status at a time. {@code status} is Datadog's integer: 0 OK,
 * 1 WARNING, 2 CRITICAL, 3 UNKNOWN. {@code host} empty means this probe's host; {@code timestamp} 0 means "now".
 */
public record ServiceCheck(String name, int status, long timestamp, String host, List<String> tags, String message) {
    public static final int OK = 0;
    public static final int WARNING = 1;
    public static final int CRITICAL = 2;
    public static final int UNKNOWN = 3;
    private static final String[] NAMES = {"ok", "warning", "critical", "unknown"};

    public ServiceCheck {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("service check name is required");
        }
        if (status < OK || status > UNKNOWN) {
            throw new IllegalArgumentException("service check status must be 0..3, got " + status);
        }
        host = host == null ? "" : host;
        tags = tags == null ? List.of() : List.copyOf(tags);
        message = message == null ? "" : message;
    }

    /** {@code ok}, {@code warning}, {@code critical} or {@code unknown}. */
    public String statusName() {
        return NAMES[status];
    }

    public ServiceCheck withDefaults(String defaultHost, long nowSeconds, List<String> extraTags) {
        List<String> all = new java.util.ArrayList<>(tags);
        extraTags.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return new ServiceCheck(name, status, timestamp > 0 ? timestamp : nowSeconds,
                host.isEmpty() ? defaultHost : host, all, message);
    }
}
