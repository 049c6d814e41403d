package io.edgeledger.probe.devlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.EdgeProbe;
import io.edgeledger.probe.agent.runtime.TestAgentConfig;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.forwarder.TestCertificates;
import io.edgeledger.probe.forwarder.TestIngestServer;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} of the whole agent ({@code edge-probe run} in a child JVM, its devlog check reading a home of every
 * assistant's fixture logs while some of them are being written) at each step a batch of events passes between the
 * collector and the forwarder's spool, then a restart. A first run delivers the history and stops; the batch the
 * second run is killed with is made of lines still being written. The agent stops at the step through the test-only
 * {@link DeliveryStep.Hook#PAUSE_PROPERTY} and is killed there; the files grow while it waits and while it is down.
 * Against a real HTTPS ingest server that keeps the first batch of each id (as the API does): every event of the final
 * logs arrives, none twice by content, and a batch sent twice carries the same id and the same events.
 */
class DevlogAgentKillTest {
    private static final String EVENTS = "/v1/ingest/events";
    private static final long DEADLINE_SECONDS = 120; // a loaded 2-core machine starts JVMs slowly; only bounds a broken run
    private static TestCertificates certs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void ca() throws Exception {
        certs = TestCertificates.shared();
    }

    @ParameterizedTest
    @EnumSource(DeliveryStep.class)
    void killedAtEachDeliveryStepThenRestartedDeliversEveryEventOnce(DeliveryStep step) throws Exception {
        Path fixtures = SharedData.resolve("fixtures/agent-logs");
        Path home = tmp.resolve("home");
        copyHistory(fixtures, home);
        List<StreamedLogs.Piece> pieces = StreamedLogs.interleave(fixtures, tmp);
        int written = StreamedLogs.writeUntil(pieces, 0, pieces.size() / 5); // history to backfill

        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            Path config = writeConfig(server, home);
            // the history first, to the end, then a stop: the batch that pauses below is cut from lines still being
            // written, which a re-read could not cut again the same way (whole files re-read unchanged could)
            Process backfill = agent(config, 0, null);
            try {
                Map<String, JsonNode> history = replay(home);
                await("the history reaches the server", backfill, () -> upsertedAtServer(server).equals(history));
            } finally {
                backfill.destroy(); // SIGTERM
                backfill.waitFor(60, TimeUnit.SECONDS);
            }

            long historyBatches = eventBatches(server).size();
            Process first = agent(config, 1, step + ":1");
            String paused;
            long sentBeforeKill;
            try {
                while (written < pieces.size() * 3 / 5 && pausedBatch(1) == null && first.isAlive()) {
                    written = StreamedLogs.writeUntil(pieces, written, written + 1); // each new line makes more batches
                }
                await("the agent pauses at " + step, first, () -> pausedBatch(1) != null);
                paused = pausedBatch(1);
                if (step == DeliveryStep.HANDED_OVER) {
                    // the forwarder runs on: the batch (this run's first) reaches the server before the kill
                    await("batch " + paused + " reaches the server", first, () -> eventBatches(server).size() > historyBatches);
                }
                // the files grow past the paused batch: a re-read would cut its batches differently
                written = StreamedLogs.writeUntil(pieces, written, Math.max(written, pieces.size() * 3 / 5));
                sentBeforeKill = receivedTimes(server, paused);
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
                first.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            written = StreamedLogs.writeUntil(pieces, written, pieces.size() * 4 / 5);

            Process second = agent(config, 2, null);
            try {
                StreamedLogs.writeUntil(pieces, written, pieces.size());
                Map<String, JsonNode> expected = replay(home);
                await("the server has every event of the final logs", second, () -> upsertedAtServer(server).equals(expected),
                        () -> difference(expected, upsertedAtServer(server)));
            } finally {
                second.destroy(); // SIGTERM: the agent flushes and stops
                second.waitFor(60, TimeUnit.SECONDS);
            }

            String run2 = Files.readString(tmp.resolve("agent-2.err"));
            assertThat(upsertedAtServer(server)).as("every event, run 2 stderr:\n" + run2).isEqualTo(replay(home));
            assertEachEventOnceByContent(server);
            assertRepeatsAreTheSameBatch(server);
            if (step == DeliveryStep.HANDED_OVER) {
                assertThat(eventBatches(server).get((int) historyBatches).path("batch_id").asText())
                        .as("the batch sent before the kill is the one the collector paused with").isEqualTo(paused);
            }
            if (step == DeliveryStep.WRITTEN_AHEAD) {
                assertThat(sentBeforeKill).as("batch %s not spooled before the kill", paused).isZero();
            }
            if (step != DeliveryStep.OFFSETS_SAVED) {
                assertThat(run2).as("the interrupted batch is handed over again").contains("handing over batch " + paused + " again");
                assertThat(receivedTimes(server, paused)).as("batch %s sent again after the restart, same id", paused)
                        .isGreaterThan(sentBeforeKill);
            } else {
                assertThat(run2).doesNotContain("handing over batch");
            }
        }
    }

    /** Every file of the fixture home except the streamed ones (and the expected outputs), as history. */
    private static void copyHistory(Path fixtures, Path home) throws IOException {
        Set<Path> streamed = new HashSet<>();
        for (String s : StreamedLogs.STREAMED) {
            streamed.add(fixtures.resolve(s));
        }
        Path from = fixtures.resolve("home");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!streamed.contains(f) && !f.getFileName().toString().endsWith(".expected.json")) {
                    Path target = home.resolve(from.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
    }

    private Path writeConfig(TestIngestServer server, Path home) throws IOException {
        Path dir = tmp.resolve("config");
        Files.createDirectories(dir.resolve("conf.d/devlog.d"));
        TestAgentConfig.write(dir, server.uri(), certs, "h-devlog", """
                dogstatsd: {enabled: false}
                health: {port: 0}
                jobs: {enabled: false}
                """);
        Files.writeString(dir.resolve("conf.d/devlog.d/conf.yaml"), """
                instances:
                  - home: %s
                    min_collection_interval: 1
                """.formatted(home));
        return dir;
    }

    /** {@code edge-probe run} in a child JVM; {@code pauseAt} (STEP:N) stops its devlog sink there. */
    private Process agent(Path config, int run, String pauseAt) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (pauseAt != null) {
            cmd.add("-D" + DeliveryStep.Hook.PAUSE_PROPERTY + "=" + pauseAt);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EdgeProbe.class.getName(), "run", "--config", config.toString()));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("agent-" + run + ".err").toFile()).start();
    }

    private static final Pattern PAUSED = Pattern.compile("devlog: paused at \\w+ with batch (\\S+) ");

    /** The batch the agent paused with, from its stderr; null while it has not paused. */
    private String pausedBatch(int run) {
        try {
            Path err = tmp.resolve("agent-" + run + ".err");
            Matcher m = PAUSED.matcher(Files.exists(err) ? Files.readString(err) : "");
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void await(String what, Process agent, BooleanSupplier condition) throws Exception {
        await(what, agent, condition, () -> "");
    }

    private void await(String what, Process agent, BooleanSupplier condition, Supplier<String> detail) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (!agent.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("not " + (agent.isAlive() ? "within " + DEADLINE_SECONDS + " s" : "before the agent exited")
                        + ": " + what + detail.get() + "\nagent stderr:\n" + stderrOf() + threadsOf(agent));
            }
            Thread.sleep(20);
        }
    }

    /** The agent's threads (where it is stuck), by the JDK's jcmd. */
    private static String threadsOf(Process agent) throws Exception {
        if (!agent.isAlive()) {
            return "";
        }
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(agent.pid()), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return "agent threads:\n" + dump;
    }

    private String stderrOf() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int run = 0; run <= 2; run++) {
            Path err = tmp.resolve("agent-" + run + ".err");
            if (Files.exists(err)) {
                all.append("-- run ").append(run).append('\n').append(Files.readString(err));
            }
        }
        return all.toString();
    }

    /** Every events batch the server answered, in arrival order, repeats included. */
    private static List<JsonNode> eventBatches(TestIngestServer server) {
        return server.received.stream().filter(r -> r.path().equals(EVENTS)).map(TestIngestServer.Ingested::body).toList();
    }

    private static long receivedTimes(TestIngestServer server, String batchId) {
        return server.received.stream().filter(r -> r.body().path("batch_id").asText().equals(batchId)).count();
    }

    /** What the server kept (the first batch of each id, as the API), events upserted by id, without {@code machine}. */
    private static Map<String, JsonNode> upsertedAtServer(TestIngestServer server) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode event : keptEvents(server)) {
            byId.put(event.get("id").asText(), event);
        }
        return byId;
    }

    /** The events of the first batch of each id, in arrival order (an id finalized later is upserted last). */
    private static List<JsonNode> keptEvents(TestIngestServer server) {
        List<JsonNode> events = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (TestIngestServer.Ingested batch : server.received) {
            if (!batch.path().equals(EVENTS) || !kept.add(batch.body().path("batch_id").asText())) {
                continue;
            }
            for (JsonNode e : batch.body().path("events")) {
                ObjectNode copy = e.deepCopy();
                copy.remove("machine"); // the host name: replay output has none
                events.add(copy);
            }
        }
        return events;
    }

    /** Which expected events the server lacks or holds in another version (ids, agent, type). */
    private static String difference(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        StringBuilder out = new StringBuilder();
        expected.forEach((id, e) -> {
            JsonNode got = actual.get(id);
            if (!e.equals(got)) {
                out.append("\n  ").append(got == null ? "missing " : "differs ").append(e.path("agentId").asText()).append(' ')
                        .append(e.path("eventType").asText()).append(' ').append(id);
            }
        });
        actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> out.append("\n  unexpected ").append(id));
        return out.toString();
    }

    private static Map<String, JsonNode> replay(Path home) throws IOException {
        List<DevlogEvent> events = new DevlogReplay(w -> { }).readAll(home, Set.of());
        return CollectingSink.upsert(events);
    }

    /** One event id may come again with new content (a message finalized later), never with the same content. */
    private static void assertEachEventOnceByContent(TestIngestServer server) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode event : keptEvents(server)) {
            assertThat(seen.add(event)).as("delivered twice: %s", event).isTrue();
        }
    }

    /** A batch id the probe sent more than once (a kill before its ack or before the offsets moved) carried the same events. */
    private static void assertRepeatsAreTheSameBatch(TestIngestServer server) {
        Map<String, JsonNode> firstBody = new HashMap<>();
        for (TestIngestServer.Ingested r : server.received) {
            if (r.path().equals(EVENTS)) {
                JsonNode before = firstBody.putIfAbsent(r.body().path("batch_id").asText(), r.body().path("events"));
                if (before != null) {
                    assertThat(r.body().path("events")).as("batch %s sent again", r.body().path("batch_id").asText()).isEqualTo(before);
                }
            }
        }
    }
}
