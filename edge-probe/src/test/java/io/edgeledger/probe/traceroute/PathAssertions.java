package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Checks a traceroute JSON run against the lab's expected per-TTL addresses. */
final class PathAssertions {
    private PathAssertions() {}

    /** Every TTL shows exactly the expected hop (null = silent), ending at the destination. */
    static void assertPath(JsonNode run, List<String> expected, String context) {
        JsonNode hops = run.path("hops");
        assertThat(hops.size()).as(context + ": hops " + hops).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode hop = hops.get(i);
            assertThat(hop.path("ttl").asInt()).as(context + " ttl").isEqualTo(i + 1);
            String want = expected.get(i);
            if (want == null) {
                assertThat(hop.path("ip_address").isNull()).as(context + ": TTL " + (i + 1) + " should be silent: " + hop).isTrue();
                assertThat(hop.path("reachable").asBoolean()).as(context + " reachable at silent TTL").isFalse();
            } else {
                assertThat(hop.path("ip_address").asText()).as(context + ": TTL " + (i + 1) + " " + hop).isEqualTo(want);
                assertThat(hop.path("reachable").asBoolean()).isTrue();
                assertThat(hop.path("rtt").asDouble()).as(context + " rtt").isGreaterThanOrEqualTo(0.0);
            }
        }
    }
}
