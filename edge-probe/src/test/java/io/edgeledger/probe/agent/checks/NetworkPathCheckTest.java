package io.edgeledger.probe.agent.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.runtime.OneShot;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.HopCount;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.wire.TracerouteSpec;
import io.edgeledger.probe.json.ProbeJson;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class NetworkPathCheckTest {
    /** A traced path as the engine returns it: average 4.5 hops, e2e rtt avg 1.5 ms, 10% loss. */
    public static final TracerouteResult TRACED = traced();

    private static TracerouteResult traced() {
        try {
            TracerouteRun run = new TracerouteRun("x", InetAddress.getByName("198.18.0.1"), 0,
                    InetAddress.getByName("198.18.0.9"), 33434, List.of(),
                    List.of(new Hop(1, InetAddress.getByName("198.18.1.1"), 0.4, true, List.of(), false)));
            return new TracerouteResult("r1", "UDP", "", null, "198.18.0.9", 33434, List.of(run), new HopCount(4.5, 4, 5),
                    new E2eProbe(List.of(1.0, 2.0), 10, 9, 0.1, 0.2, 1.5, 1.0, 2.0));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void oneRunShipsTheResultAndTheThreePathMetrics() throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h1\nprobe_id: p-9\n");
        Files.createDirectories(dir.resolve("conf.d/network_path.d"));
        Files.writeString(dir.resolve("conf.d/network_path.d/conf.yaml"), """
                instances:
                  - hostname: 198.18.0.9
                    max_ttl: 12
                    tags: [site:lab]
                """);
        List<TracerouteSpec> seen = new CopyOnWriteArrayList<>();
        JsonNode result = ProbeJson.mapper().readTree(TRACED.toJson());
        AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
        JsonNode out = new OneShot(cfg, p -> {
            seen.add(p);
            return TRACED;
        }, Clock.systemUTC()).run(cfg.checks().get(0), 1);

        assertThat(out.path("ok").asBoolean()).as(out.toPrettyString()).isTrue();
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("198.18.0.9");
            assertThat(p.maxTtl()).isEqualTo(12);
            assertThat(p.timeoutMillis()).isEqualTo(1000);
            assertThat(p.port()).isEqualTo(33434);
        });
        JsonNode instance = out.path("instances").get(0);
        JsonNode payload = instance.path("payloads").get(0);
        assertThat(payload.path("endpoint").asText()).isEqualTo("/v1/ingest/traceroute");
        assertThat(payload.path("body").path("probe_id").asText()).isEqualTo("p-9");
        assertThat(payload.path("body").path("batch_id").asText()).isNotBlank();
        assertThat(payload.path("body").path("result")).isEqualTo(result);
        assertThat(payload.path("body").path("tags").toString()).contains("site:lab", "destination_hostname:198.18.0.9");
        JsonNode series = instance.path("series");
        assertThat(series).hasSize(3);
        for (JsonNode s : series) {
            assertThat(s.path("host").asText()).isEqualTo("h1");
            assertThat(s.path("type").asText()).isEqualTo("gauge");
            assertThat(s.path("tags").toString()).contains("site:lab", "protocol:UDP");
        }
        assertThat(valueOf(series, "network_path.hops")).isEqualTo(4.5);
        assertThat(valueOf(series, "network_path.e2e.rtt.avg")).isEqualTo(1.5);
        assertThat(valueOf(series, "network_path.e2e.packet_loss")).isEqualTo(0.1);
    }

    @Test
    void aTracerFailureIsAnErrorRunWithTheReason() throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h1\n");
        Files.createDirectories(dir.resolve("conf.d/network_path.d"));
        Files.writeString(dir.resolve("conf.d/network_path.d/conf.yaml"), "instances:\n  - hostname: nowhere.invalid\n");
        AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
        JsonNode out = new OneShot(cfg, p -> {
            throw new IllegalStateException("cannot resolve nowhere.invalid");
        }, Clock.systemUTC()).run(cfg.checks().get(0), 1);
        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(out.path("instances").get(0).path("status").asText()).isEqualTo("error");
        assertThat(out.path("instances").get(0).path("error").asText()).contains("cannot resolve");
    }

    @Test
    void jobParamsUseTheHttpServerNames() throws Exception {
        TracerouteSpec p = ProbeJson.mapper().readValue(
                "{\"target\":\"198.18.0.7\",\"protocol\":\"TCP\",\"port\":443,\"max-ttl\":\"9\",\"tcp-method\":\"sack\"}",
                TracerouteSpec.class);
        assertThat(p.target()).isEqualTo("198.18.0.7");
        assertThat(p.protocol().wireName()).isEqualTo("tcp");
        assertThat(p.port()).isEqualTo(443);
        assertThat(p.maxTtl()).isEqualTo(9);
        assertThat(p.tcpMethod().wireName()).isEqualTo("sack");
        assertThat(p.timeoutMillis()).isEqualTo(1000);
    }

    private static double valueOf(JsonNode series, String metric) {
        for (JsonNode s : series) {
            if (s.path("metric").asText().equals(metric)) {
                return s.path("points").get(0).get(1).asDouble();
            }
        }
        throw new AssertionError("no series " + metric + " in " + series);
    }
}
