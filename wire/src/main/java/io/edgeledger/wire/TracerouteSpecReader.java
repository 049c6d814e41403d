package io.edgeledger.wire;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads a {@link TracerouteSpec} from name/value pairs: JSON values (numbers, booleans, strings), decoded query strings
 * or YAML scalars (strings). The three sources differ only in how names are spelled, which defaults apply and whether
 * a name the spec does not know is an error; every error names the field as the source spells it.
 */
enum TracerouteSpecReader {
    JSON(UnaryOperator.identity(), TracerouteSpec.AGENT_TIMEOUT_MS, true),
    QUERY(UnaryOperator.identity(), TracerouteSpec.DEFAULT_TIMEOUT_MS, true),
    INSTANCE(name -> name.equals("target") ? "hostname" : name.replace('-', '_'), TracerouteSpec.AGENT_TIMEOUT_MS, false);

    private static final List<String> NAMES = List.of("target", "protocol", "port", "max-ttl", "timeout",
            "traceroute-queries", "e2e-queries", "tcp-method", "ipv6", "reverse-dns", "skip-private-hops",
            "source-public-ip", "parallel", "paris", "multipath", "confidence");

    private final UnaryOperator<String> naming;
    private final int defaultTimeout;
    private final boolean strict;

    TracerouteSpecReader(UnaryOperator<String> naming, int defaultTimeout, boolean strict) {
        this.naming = naming;
        this.defaultTimeout = defaultTimeout;
        this.strict = strict;
    }

    TracerouteSpec read(Map<String, ?> values) {
        if (values == null) {
            throw new InvalidFieldException("", "must be an object with at least '" + naming.apply("target") + "'");
        }
        if (strict) {
            for (String name : values.keySet()) {
                if (!NAMES.contains(name)) {
                    throw new InvalidFieldException(name, "is not a traceroute parameter (known: " + String.join(", ", NAMES) + ")");
                }
            }
        }
        try {
            Object target = values.get(naming.apply("target"));
            return new TracerouteSpec(
                    target == null ? null : text("target", target),
                    values.get(naming.apply("protocol")) == null ? TracerouteSpec.Protocol.UDP
                            : TracerouteSpec.Protocol.parse(text("protocol", values.get(naming.apply("protocol")))),
                    integer(values, "port", TracerouteSpec.DEFAULT_PORT),
                    integer(values, "max-ttl", TracerouteSpec.DEFAULT_MAX_TTL),
                    integer(values, "timeout", defaultTimeout),
                    integer(values, "traceroute-queries", TracerouteSpec.DEFAULT_QUERIES),
                    integer(values, "e2e-queries", TracerouteSpec.DEFAULT_E2E_QUERIES),
                    values.get(naming.apply("tcp-method")) == null ? TracerouteSpec.TcpMethod.SYN
                            : TracerouteSpec.TcpMethod.parse(text("tcp-method", values.get(naming.apply("tcp-method")))),
                    flag(values, "ipv6"), flag(values, "reverse-dns"), flag(values, "skip-private-hops"),
                    flag(values, "source-public-ip"), optionalFlag(values, "parallel"),
                    flag(values, "paris"), flag(values, "multipath"),
                    integer(values, "confidence", TracerouteSpec.DEFAULT_CONFIDENCE));
        } catch (InvalidFieldException e) {
            throw e.renamed(naming.apply(e.field()));
        }
    }

    private static String text(String field, Object value) {
        if (!(value instanceof String s)) {
            throw new InvalidFieldException(field, "must be a string, got " + value);
        }
        return s;
    }

    private int integer(Map<String, ?> values, String field, int fallback) {
        Object value = values.get(naming.apply(field));
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new InvalidFieldException(field, "must be an integer, got '" + value + "'");
    }

    private boolean flag(Map<String, ?> values, String field) {
        Boolean value = optionalFlag(values, field);
        return value != null && value;
    }

    /** Booleans, or in a query or YAML: true/false, 1/0, yes/no; a bare query flag ({@code &ipv6}) is true. */
    private Boolean optionalFlag(Map<String, ?> values, String field) {
        Object value = values.get(naming.apply(field));
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "", "true", "1", "yes" -> {
                    return true;
                }
                case "false", "0", "no" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new InvalidFieldException(field, "must be true or false, got '" + value + "'");
    }
}
