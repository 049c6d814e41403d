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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
    private static final String[] STREAMED = {
        "home/.claude/projects/-home-alice-src-shop/85544010-6f7b-41b9-ba81-e9ffa5a680a4.jsonl",
        "home/.claude/projects/-home-alice-src-shop/agent-e3a91c4f.jsonl",
        "home/.claude/projects/-home-alice-src-shop/ff6fad89-1577-4e4c-8a31-ed4f639e5825.jsonl",
        "home/.codex/sessions/2025/10/28/rollout-2025-10-28T14-05-11-019a2b23-17ba-70f0-b9d2-0064a1b6c345.jsonl",
        "home/.gemini/tmp/shop/chats/session-2026-06-10T13-02-8b047bb2.jsonl",
        "home/.config/Code/User/workspaceStorage/bd91c5b6230e5716dbb3613669142968/chatSessions/de0666d0-f91f-4cc5-8877-1f82bbcaca8d.jsonl",
    };
    private static final String[] SUPPORT = {
        "home/.gemini/tmp/shop/.project_root",
        "home/.config/Code/User/workspaceStorage/bd91c5b6230e5716dbb3613669142968/workspace.json",
    };

    @TempDir
    Path tmp;

    /** One piece of one line, appended to one file. */
    record Piece(Path file, byte[] bytes) {}

    @Test
    void killedMidStreamThenRestartedDeliversEverythingOnce() throws Exception {
        Path fixtures = SharedData.resolve("fixtures/agent-logs");
        Path home = tmp.resolve("home");
        for (String s : SUPPORT) {
            Path target = tmp.resolve(s);
            Files.createDirectories(target.getParent());
            Files.copy(fixtures.resolve(s), target);
        }
        List<Piece> pieces = interleave(fixtures, tmp);
        Path out = tmp.resolve("out/events.jsonl");
        Path state = tmp.resolve("state");

        Process first = watch(home, out, state, 1);
        int written = writeUntil(pieces, 0, pieces.size() * 2 / 5);
        awaitLines(out, 1, first);
        written = writeUntil(pieces, written, pieces.size() * 3 / 5);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, offsets as last saved
        first.waitFor(30, TimeUnit.SECONDS);
        written = writeUntil(pieces, written, pieces.size() * 4 / 5);
        long linesAfterKill = Files.readAllLines(out).size();

        Process second = watch(home, out, state, 2);
        writeUntil(pieces, written, pieces.size());
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

    /** The lines of every streamed file, round-robin across files, each split in two pieces. */
    private static List<Piece> interleave(Path fixtures, Path tmp) throws IOException {
        List<List<Piece>> perFile = new ArrayList<>();
        for (String s : STREAMED) {
            byte[] bytes = Files.readAllBytes(fixtures.resolve(s));
            Path target = tmp.resolve(s);
            List<Piece> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    int cut = start + (i + 1 - start) / 3;
                    pieces.add(new Piece(target, java.util.Arrays.copyOfRange(bytes, start, cut)));
                    pieces.add(new Piece(target, java.util.Arrays.copyOfRange(bytes, cut, i + 1)));
                    start = i + 1;
                }
            }
            perFile.add(pieces);
        }
        List<Piece> all = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<Piece> p : perFile) {
                for (int k = 0; k < 2 && round * 2 + k < p.size(); k++) {
                    all.add(p.get(round * 2 + k));
                    any = true;
                }
            }
            if (!any) {
                return all;
            }
        }
    }

    private static int writeUntil(List<Piece> pieces, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Piece p = pieces.get(i);
            Files.createDirectories(p.file().getParent());
            Files.write(p.file(), p.bytes(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Thread.sleep(3);
        }
        return to;
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
