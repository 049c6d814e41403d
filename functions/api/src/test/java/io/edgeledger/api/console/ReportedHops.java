package io.edgeledger.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hop nodes a traceroute result (DESIGN 2.1 JSON) should draw, by the console's rule: one per (TTL, answering
 * address) over every run, and one "*" node per TTL some run had no answer for.
 */
record ReportedHops(int nodes, Set<Integer> silentTtls, Set<String> addresses) {
    static ReportedHops of(JsonNode result) {
        Set<String> keys = new TreeSet<>();
        Set<Integer> silent = new TreeSet<>();
        Set<String> addresses = new TreeSet<>();
        for (JsonNode run : result.path("traceroute").path("runs")) {
            for (JsonNode hop : run.path("hops")) {
                int ttl = hop.path("ttl").asInt();
                String ip = hop.path("ip_address").isTextual() ? hop.path("ip_address").asText() : "";
                if (!hop.path("reachable").asBoolean() || ip.isEmpty()) {
                    silent.add(ttl);
                    keys.add(ttl + "|*");
                } else {
                    addresses.add(ip);
                    keys.add(ttl + "|" + ip);
                }
            }
        }
        return new ReportedHops(keys.size(), silent, addresses);
    }
}
