package io.edgeledger.probe.agent.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.runtime.OneShot;
import io.edgeledger.testing.SharedData;
import io.edgeledger.probe.json.ProbeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devlog check hosts the real collector over the shared Claude Code fixtures and ships every event. */
class DevlogCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyEventOfTheFixtureHomeLeavesAsAnEventsPayload() throws Exception {
        Path home = SharedData.resolve("fixtures/agent-logs/home");
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h1\nprobe_id: p-1\n");
        Files.createDirectories(dir.resolve("conf.d/devlog.d"));
        Files.writeString(dir.resolve("conf.d/devlog.d/conf.yaml"),
                "instances:\n  - home: " + home + "\n    agents: [claude-code]\n");
        AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
        JsonNode out = new OneShot(cfg, p -> null, Clock.systemUTC()).run(cfg.checks().get(0), 1);
        assertThat(out.path("ok").asBoolean()).as(out.toPrettyString()).isTrue();

        Set<String> shipped = new HashSet<>();
        for (JsonNode p : out.path("instances").get(0).path("payloads")) {
            assertThat(p.path("endpoint").asText()).isEqualTo("/v1/ingest/events");
            assertThat(p.path("body").path("probe_id").asText()).isEqualTo("p-1");
            for (JsonNode e : p.path("body").path("events")) {
                assertThat(e.path("agentId").asText()).isEqualTo("claude-code");
                shipped.add(e.path("id").asText());
            }
        }
        Set<String> expected = new HashSet<>();
        try (Stream<Path> files = Files.walk(home.resolve(".claude"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".expected.json")).toList()) {
                ProbeJson.mapper().readTree(f.toFile()).forEach(e -> expected.add(e.path("id").asText()));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(expected);
    }
}
