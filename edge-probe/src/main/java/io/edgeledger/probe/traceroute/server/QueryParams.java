package io.edgeledger.probe.traceroute.server;

import io.edgeledger.probe.traceroute.engine.AdaptiveWait;
import io.edgeledger.probe.traceroute.Protocol;
import io.edgeledger.probe.traceroute.TcpMethod;
import io.edgeledger.probe.traceroute.TracerouteParams;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns GET /traceroute query parameters (DESIGN 2.2 names) into TracerouteParams; bad input is an IllegalArgumentException. */
final class QueryParams {
    private static final Set<String> KNOWN = Set.of("target", "protocol", "port", "max-ttl", "timeout",
            "traceroute-queries", "e2e-queries", "tcp-method", "ipv6", "reverse-dns", "skip-private-hops",
            "source-public-ip", "format", "parallel");

    private QueryParams() {}

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown parameter '" + k + "'");
            }
            if (out.put(k, v) != null) {
                throw new IllegalArgumentException("parameter '" + k + "' given twice");
            }
        }
        return out;
    }

    /** Our addition: format=table answers the CLI's readable hop table as text/plain. */
    static boolean wantsTable(Map<String, String> q) {
        String f = q.getOrDefault("format", "json");
        return switch (f) {
            case "json" -> false;
            case "table", "text" -> true;
            default -> throw new IllegalArgumentException("'format' must be json or table, got '" + f + "'");
        };
    }

    static TracerouteParams toParams(Map<String, String> q) {
        String target = q.get("target");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("'target' is required");
        }
        TracerouteParams d = TracerouteParams.defaults(target);
        return new TracerouteParams(target,
                q.containsKey("protocol") ? Protocol.parse(q.get("protocol")) : d.protocol(),
                integer(q, "port", d.port()),
                integer(q, "traceroute-queries", d.tracerouteQueries()),
                integer(q, "max-ttl", d.maxTtl()),
                integer(q, "timeout", d.timeoutMillis()),
                q.containsKey("tcp-method") ? TcpMethod.parse(q.get("tcp-method")) : d.tcpMethod(),
                integer(q, "e2e-queries", d.e2eQueries()),
                bool(q, "ipv6"), bool(q, "reverse-dns"), bool(q, "source-public-ip"), bool(q, "skip-private-hops"),
                q.containsKey("parallel") ? Boolean.valueOf(bool(q, "parallel")) : null, AdaptiveWait.DEFAULT, d.sendDelayMillis(), d.e2eIntervalMillis(), d.publicIpEndpoints());
    }

    private static int integer(Map<String, String> q, String k, int dflt) {
        String v = q.get(k);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + k + "' must be an integer, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> q, String k) {
        String v = q.get(k);
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase()) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("'" + k + "' must be true or false, got '" + v + "'");
        };
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed query encoding");
        }
    }
}
