package io.edgeledger.probe.agent.checks.networkpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.util.Locale;
import java.util.Set;

/** Reads {@link PathParams} from a check instance (snake_case keys) or a backend job (the HTTP server's names). */
public final class PathParamsReader {
    private static final Set<String> PROTOCOLS = Set.of("udp", "tcp", "icmp");
    private static final Set<String> TCP_METHODS = Set.of("syn", "sack", "prefer_sack");

    private PathParamsReader() {}

    public static PathParams fromInstance(ConfigNode in) throws ConfigException {
        String protocol = in.string("protocol", "udp").toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw in.error("protocol", "must be udp, tcp or icmp, got \"" + protocol + "\"");
        }
        String tcpMethod = in.string("tcp_method", "syn").toLowerCase(Locale.ROOT);
        if (!TCP_METHODS.contains(tcpMethod)) {
            throw in.error("tcp_method", "must be syn, sack or prefer_sack, got \"" + tcpMethod + "\"");
        }
        return new PathParams(in.requiredString("hostname"), protocol,
                (int) in.integer("port", PathParams.DEFAULT_PORT, 1, 65535),
                (int) in.integer("max_ttl", PathParams.DEFAULT_MAX_TTL, 1, 255),
                (int) in.integer("timeout", PathParams.DEFAULT_TIMEOUT_MS, 1, 600_000),
                (int) in.integer("traceroute_queries", PathParams.DEFAULT_QUERIES, 1, 100),
                (int) in.integer("e2e_queries", PathParams.DEFAULT_E2E_QUERIES, 0, 10_000),
                tcpMethod, in.bool("ipv6", false), in.bool("reverse_dns", false),
                in.bool("skip_private_hops", false));
    }

    /** Job params use DESIGN.md 2.2's query names: target, protocol, port, max-ttl, timeout, ... */
    public static PathParams fromJob(JsonNode p) {
        if (p == null || !p.hasNonNull("target") || p.get("target").asText().isBlank()) {
            throw new IllegalArgumentException("job params need a target");
        }
        String protocol = p.path("protocol").asText("udp").toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("protocol must be udp, tcp or icmp, got " + protocol);
        }
        String tcpMethod = p.path("tcp-method").asText("syn").toLowerCase(Locale.ROOT);
        if (!TCP_METHODS.contains(tcpMethod)) {
            throw new IllegalArgumentException("tcp-method must be syn, sack or prefer_sack, got " + tcpMethod);
        }
        return new PathParams(p.get("target").asText(), protocol,
                bounded(p, "port", PathParams.DEFAULT_PORT, 1, 65535),
                bounded(p, "max-ttl", PathParams.DEFAULT_MAX_TTL, 1, 255),
                bounded(p, "timeout", PathParams.DEFAULT_TIMEOUT_MS, 1, 600_000),
                bounded(p, "traceroute-queries", PathParams.DEFAULT_QUERIES, 1, 100),
                bounded(p, "e2e-queries", PathParams.DEFAULT_E2E_QUERIES, 0, 10_000),
                tcpMethod, p.path("ipv6").asBoolean(false), p.path("reverse-dns").asBoolean(false),
                p.path("skip-private-hops").asBoolean(false));
    }

    private static int bounded(JsonNode p, String key, int fallback, int min, int max) {
        if (!p.hasNonNull(key)) {
            return fallback;
        }
        JsonNode v = p.get(key);
        int value = v.isNumber() ? v.asInt() : Integer.parseInt(v.asText().trim());
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
