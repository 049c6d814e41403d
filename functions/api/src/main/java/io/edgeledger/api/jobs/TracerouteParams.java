package io.edgeledger.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.errors.ApiException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Validates traceroute job parameters against the names and ranges of the probe's HTTP server (DESIGN.md 2.2), so a
 * bad job is refused when it is posted rather than failing later on the probe.
 */
final class TracerouteParams {
    private static final Set<String> PROTOCOLS = Set.of("udp", "tcp", "icmp");
    private static final Set<String> TCP_METHODS = Set.of("syn", "sack", "prefer_sack");
    private static final Set<String> FLAGS = Set.of("ipv6", "reverse-dns", "skip-private-hops");
    private static final Map<String, long[]> NUMBERS = Map.of(
            "port", new long[] {1, 65535},
            "max-ttl", new long[] {1, 64},
            "timeout", new long[] {1, 60_000},
            "traceroute-queries", new long[] {1, 10},
            "e2e-queries", new long[] {0, 1000});

    private TracerouteParams() {}

    static void validate(JsonNode params) {
        if (params == null || !params.isObject()) {
            throw ApiException.badRequest("invalid_job", "params must be an object with at least 'target'");
        }
        JsonNode target = params.get("target");
        if (target == null || !target.isTextual() || target.asText().isBlank() || target.asText().length() > 253) {
            throw ApiException.badRequest("invalid_job", "params.target must be a host name or IP address");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("target")) {
                continue;
            }
            if (name.equals("protocol")) {
                requireOneOf(name, value, PROTOCOLS);
            } else if (name.equals("tcp-method")) {
                requireOneOf(name, value, TCP_METHODS);
            } else if (FLAGS.contains(name)) {
                if (!value.isBoolean()) {
                    throw ApiException.badRequest("invalid_job", "params." + name + " must be true or false");
                }
            } else if (NUMBERS.containsKey(name)) {
                long[] range = NUMBERS.get(name);
                if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < range[0] || value.asLong() > range[1]) {
                    throw ApiException.badRequest("invalid_job", "params." + name + " must be an integer from " + range[0] + " to " + range[1]);
                }
            } else {
                throw ApiException.badRequest("invalid_job", "unknown parameter params." + name
                        + " (allowed: target, protocol, port, max-ttl, timeout, traceroute-queries, e2e-queries, tcp-method, ipv6, reverse-dns, skip-private-hops)");
            }
        }
    }

    private static void requireOneOf(String name, JsonNode value, Set<String> allowed) {
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            throw ApiException.badRequest("invalid_job", "params." + name + " must be one of " + allowed);
        }
    }
}
