package io.edgeledger.probe.agent.check;

import java.util.List;
import java.util.Set;

/**
 * A Datadog event: {@code priority} {@code normal} or {@code low}, {@code alertType} {@code info}, {@code warning},
 * {@code error} or {@code success}. {@code host} empty means this probe's host; {@code timestamp} 0 means "now".
 */
public record Event(String title, String text, long timestamp, String host, String priority, String alertType,
        String aggregationKey, String sourceType, List<String> tags) {
    public static final Set<String> PRIORITIES = Set.of("normal", "low");
    public static final Set<String> ALERT_TYPES = Set.of("info", "warning", "error", "success");

    public Event {
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException("event title is required");
        }
        text = text == null ? "" : text;
        host = host == null ? "" : host;
        priority = priority == null ? "normal" : priority;
        alertType = alertType == null ? "info" : alertType;
        if (!PRIORITIES.contains(priority)) {
            throw new IllegalArgumentException("event priority must be normal or low, got " + priority);
        }
        if (!ALERT_TYPES.contains(alertType)) {
            throw new IllegalArgumentException("event alert type must be info, warning, error or success, got " + alertType);
        }
        aggregationKey = aggregationKey == null ? "" : aggregationKey;
        sourceType = sourceType == null ? "" : sourceType;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Event of(String title, String text, List<String> tags) {
        return new Event(title, text, 0, "", null, null, null, null, tags);
    }

    public Event withDefaults(String defaultHost, long nowSeconds, List<String> extraTags) {
        List<String> all = new java.util.ArrayList<>(tags);
        extraTags.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return new Event(title, text, timestamp > 0 ? timestamp : nowSeconds, host.isEmpty() ? defaultHost : host,
                priority, alertType, aggregationKey, sourceType, all);
    }
}
