package io.edgeledger.probe.agent.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.aggregator.CheckSampler;
import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.checks.devlog.DevlogCheck;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.runner.CheckRunner;
import io.edgeledger.probe.agent.runner.RunReport;
import io.edgeledger.probe.agent.runtime.AgentSender;
import io.edgeledger.probe.agent.runtime.OneShot;
import io.edgeledger.testing.Eventually;
import io.edgeledger.testing.SharedData;
import io.edgeledger.probe.json.ProbeJson;
import io.edgeledger.wire.EventsPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
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

    /**
     * The devlog check is cancelled past its run timeout (as the runner does to a run that a long backfill keeps busy)
     * right as its collector starts: later runs and tailing still deliver every event, and a line appended afterwards.
     * Where the interrupt lands is a race; a backfill on the run's thread was hit in 4 runs of 5, hence 3 repetitions.
     */
    @RepeatedTest(3)
    void aRunCancelledWhileTheHistoryIsReadLeavesACollectorThatTails() throws Exception {
        Path home = dir.resolve("home");
        Path claude = SharedData.resolve("fixtures/agent-logs/home/.claude");
        try (Stream<Path> files = Files.walk(claude)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".expected.json")).toList()) {
                Path target = home.resolve(".claude").resolve(claude.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h1\nprobe_id: p-1\n");
        Files.createDirectories(dir.resolve("conf.d/devlog.d"));
        Files.writeString(dir.resolve("conf.d/devlog.d/conf.yaml"),
                "instances:\n  - home: " + home + "\n    agents: [claude-code]\n    min_collection_interval: 1\n");
        AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
        Set<String> shipped = ConcurrentHashMap.newKeySet();
        Path state = dir.resolve("state");
        Check check = BuiltInChecks.catalog(null, state, p -> ((EventsPayload) p).events().forEach(e -> shipped.add(e.id())))
                .load(cfg.checks()).checks().get(0);
        AtomicLong now = new AtomicLong(); // the runner's clock: the test says when the run is over its timeout
        List<RunReport> reports = new CopyOnWriteArrayList<>();
        CheckRunner runner = new CheckRunner(1, now::get, c -> new AgentSender(c, new CheckSampler(1), "h1", "p-1",
                series -> { }, payload -> { }, now::get, sc -> { }, ev -> { }), reports::add);
        try {
            runner.submit(check);
            Eventually.until("the collector saved its first offsets", () -> Files.exists(
                    state.resolve("devlog").resolve(check.id().replace(':', '-')).resolve("devlog-offsets.json")));
            now.addAndGet(check.timeout().toMillis() + 1);
            runner.enforceTimeouts(); // interrupts the run if it is still going (a backfill on the run's thread was)

            Set<String> expected = expectedIds(home.resolve(".claude"));
            Eventually.until("every event of the history is shipped", () -> {
                runner.submit(check); // later runs, as the scheduler makes them (skipped while one is running)
                return shipped.containsAll(expected);
            });
            Path session = home.resolve(".claude/projects/-home-alice-src-shop/85544010-6f7b-41b9-ba81-e9ffa5a680a4.jsonl");
            Files.writeString(session, "{\"type\":\"user\",\"uuid\":\"u-appended\",\"sessionId\":\"85544010-6f7b-41b9-ba81-e9ffa5a680a4\","
                    + "\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"cwd\":\"/home/alice/src/shop\",\"version\":\"2.0.42\","
                    + "\"message\":{\"role\":\"user\",\"content\":\"appended later\"}}\n", StandardOpenOption.APPEND);
            int before = shipped.size();
            Eventually.until("the appended line is tailed and shipped", () -> shipped.size() > before);
        } finally {
            runner.close();
            ((DevlogCheck) check).stop();
        }
    }

    private static Set<String> expectedIds(Path root) throws Exception {
        Set<String> expected = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".expected.json")).toList()) {
                ProbeJson.mapper().readTree(f.toFile()).forEach(e -> expected.add(e.path("id").asText()));
            }
        }
        return expected;
    }
}
