package io.edgeledger.probe.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.agent.checks.devlog.DevlogCheck;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.HopCount;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.wire.AgentEvent;
import io.edgeledger.wire.AgentEventsPayload;
import io.edgeledger.wire.CheckRun;
import io.edgeledger.wire.CheckRunsPayload;
import io.edgeledger.wire.EventsPayload;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.TracerouteResultJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every payload kind, made the way the probe makes it and written by the probe's mapper, is byte for byte what the
 * probe sent before the wire module held text instead of trees ({@code wire-bytes/*.json} in the wire test-jar, taken
 * from that code; the API's WireBytesTest reads the same files). Strings a writer may escape either way, a Go-style
 * traceroute result, nulls, numbers of each kind and a host only some events carry are all in them.
 */
class WireBytesTest {
    @Test
    void aTracerouteResultGoesOutAsTheEngineWroteIt() throws Exception {
        TracerouteRun run = new TracerouteRun("run-1", InetAddress.getByName("198.18.0.1"), 0,
                InetAddress.getByName("2001:db8::9"), 33434, List.of("dst.example."),
                List.of(new Hop(1, InetAddress.getByName("198.18.1.1"), 0.0001, true,
                                List.of("a\bb\f\u0001é\u2028\"\\.example."), false),
                        new Hop(2, null, 0, false, List.of(), false),
                        new Hop(3, InetAddress.getByName("2001:db8::9"), 5.0, true, List.of(), true)));
        TracerouteResult result = new TracerouteResult("r1", "UDP", "", null, "198.18.0.9", 33434, List.of(run),
                new HopCount(4.5, 4, 5), new E2eProbe(List.of(1.0, 2.25, 1e-7), 10, 9, 0.1, 0.2, 1.5, 1.0, 2.0));
        assertSent("traceroute", new TraceroutePayload("b-1", "p-1", "job-7", 1700000000L, List.of("site:lab", "ünï"),
                TracerouteResultJson.written(result.toJson()), null));
        assertSent("traceroute-error", new TraceroutePayload("b-2", "p-1", "job-8", 1700000001L, List.of(), null,
                "no route: \u0007"));
    }

    @Test
    void devlogEventsGoOutInTheDesignsShape() throws Exception {
        ObjectNode data = EventJson.MAPPER.createObjectNode();
        data.put("text", "hi \"there\"\n\u0001 é 😀");
        data.put("n", 3).put("f", 1.5).put("big", 12345678901234L).put("neg", -0.0).put("tiny", 1e-9).putNull("nothing")
                .put("yes", true);
        data.putArray("list").add(1).add("two").addObject().put("k", "v");
        DevlogEvent withHost = new DevlogEvent("a".repeat(64), "2026-01-02T03:04:05.678Z", "user_message", "claude-code",
                "1.2.3", "sess-1", "/home/u/p", null, data, "host-1");
        DevlogEvent replayed = new DevlogEvent("b".repeat(64), "2026-01-02T03:04:06.000Z", "token_usage", "codex", null,
                "sess-2", null, "gpt", EventJson.MAPPER.createObjectNode(), null);
        assertSent("events", new EventsPayload("b-3", "p-1",
                List.of(DevlogCheck.sessionEvent(withHost), DevlogCheck.sessionEvent(replayed))));
    }

    @Test
    void metricsCheckRunsAndAgentEventsKeepTheirShape() throws Exception {
        assertSent("metrics", new MetricsPayload("b-4", "p-1", List.of(new MetricSeries("system.load.1",
                List.of(new MetricPoint(1700000000L, 0.5), new MetricPoint(1700000015L, 1e-7)), List.of("env:dev"), "h1",
                "gauge", 15))));
        assertSent("check-runs", new CheckRunsPayload("b-5", "p-1", List.of(new CheckRun("network_path", "i-1", "ok",
                1700000000L, 12L, "msg é", List.of("w"), List.of("a:b")))));
        assertSent("agent-events", new AgentEventsPayload("b-6", "p-1", List.of(new AgentEvent("t", "x\ny", 1700000000L,
                "h", null, "error", "k", "s", List.of("t:1")))));
    }

    private static void assertSent(String name, IngestPayload payload) throws IOException {
        try (InputStream in = WireBytesTest.class.getResourceAsStream("/wire-bytes/" + name + ".json")) {
            assertThat(in).as("wire-bytes/" + name + ".json in the wire test-jar").isNotNull();
            assertThat(new String(ProbeJson.mapper().writeValueAsBytes(payload), StandardCharsets.UTF_8))
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
