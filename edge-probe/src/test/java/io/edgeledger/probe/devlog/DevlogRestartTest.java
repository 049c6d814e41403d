package io.edgeledger.probe.devlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 mid-stream: {@code devlog watch} runs in a child JVM while session logs of several agents
 * are written line by line (each line in two pieces); it is killed abruptly, more lines arrive while it
 * is down, it restarts and catches up, then stops with SIGTERM. The output file, upserted by id, must
 * equal one uninterrupted read of the final logs, and no line may be delivered twice.
 */
class DevlogRestartTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void killedMidStreamThenRestartedDeliversEverythingOnce() throws Exception {
        Path fixtures = SharedData.resolve("fixtures/agent-logs");
        Path home = tmp.resolve("home");
        for (String s : StreamedLogs.SUPPORT) {
            Path target = tmp.resolve(s);
            Files.createDirectories(target.getParent());
            Files.copy(fixtures.resolve(s), target);
        }
        List<StreamedLogs.Piece> pieces = StreamedLogs.interleave(fixtures, tmp);
        Path out = tmp.resolve("out/events.jsonl");
        Path state = tmp.resolve("state");

        Process first = watch(home, out, state, 1);
        int written = StreamedLogs.writeUntil(pieces, 0, pieces.size() * 2 / 5);
        awaitLines(out, 1, first);
        written = StreamedLogs.writeUntil(pieces, written, pieces.size() * 3 / 5);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, offsets as last saved
        first.waitFor(30, TimeUnit.SECONDS);
        written = StreamedLogs.writeUntil(pieces, written, pieces.size() * 4 / 5);
        long linesAfterKill = Files.readAllLines(out).size();

        Process second = watch(home, out, state, 2);
        StreamedLogs.writeUntil(pieces, written, pieces.size());
        Map<String, JsonNode> expected = replay(home);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!upserted(out).equals(expected) && System.nanoTime() < deadline && second.isAlive()) {
            Thread.sleep(100);
        }
        second.destroy(); // SIGTERM: flush and save
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(tmp.resolve("stderr-2.txt"));
        assertThat(upserted(out)).as("union of both runs vs one uninterrupted read; run 2 stderr:\n" + stderr).isEqualTo(expected);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            assertThat(seen.add(withoutMachine(line).toString())).as("delivered twice: " + line).isTrue();
        }
        assertThat(stderr).contains("offsets saved");
        assertThat(linesAfterKill).as("both runs delivered part of the stream").isPositive().isLessThan(lines.size());
    }

    private Process watch(Path home, Path out, Path state, int run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DevlogWatchMain.class.getName(),
                "watch", "--home", home.toString(), "--out", out.toString(), "--state", state.toString(), "--poll-ms", "20");
        pb.redirectErrorStream(false);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(tmp.resolve("stderr-" + run + ".txt").toFile());
        return pb.start();
    }

    private static void awaitLines(Path out, int n, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(out) && Files.readAllLines(out).size() >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("watch wrote no events to " + out + " (alive: " + p.isAlive() + ")");
    }

    private static Map<String, JsonNode> replay(Path home) throws IOException {
        List<DevlogEvent> events = new DevlogReplay(w -> { }).readAll(home, Set.of());
        return CollectingSink.upsert(events);
    }

    private static Map<String, JsonNode> upserted(Path out) throws IOException {
        Map<String, JsonNode> byId = new TreeMap<>();
        if (!Files.exists(out)) {
            return byId;
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        // the watcher may be mid-write: only complete lines count
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                ObjectNode e = withoutMachine(line);
                byId.put(e.get("id").asText(), e);
            }
        }
        return byId;
    }

    private static ObjectNode withoutMachine(String line) throws IOException {
        ObjectNode e = (ObjectNode) MAPPER.readTree(line);
        e.remove("machine");
        return e;
    }
}
