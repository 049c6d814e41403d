package io.edgeledger.probe.devlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tailing edge cases of the shared fixtures, written into a scratch home step by step while the
 * real collector reads it (one synchronous sweep per step); the events it delivered, upserted by id,
 * must equal the fixture's expectation after each step.
 */
class DevlogTailingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CLAUDE_DIR = ".claude/projects/-home-alice-src-shop/";

    @TempDir
    Path tmp;
    Path home;
    Path state;
    CollectingSink sink;
    List<String> warnings;
    DevlogCollector collector;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        state = tmp.resolve("state");
        sink = new CollectingSink();
        warnings = new CopyOnWriteArrayList<>();
        collector = newCollector();
    }

    private DevlogCollector newCollector() throws IOException {
        DevlogCollector.Options options = DevlogCollector.Options.defaults().withMachine(null).withProgress(null).withWarnings(warnings::add);
        return new DevlogCollector(home, state, Set.of(), sink, options);
    }

    @AfterEach
    void tearDown() throws IOException {
        collector.close();
    }

    static Path edgeCase(String relative) {
        return SharedData.resolve("fixtures/agent-logs/edge-cases/" + relative);
    }

    static Map<String, JsonNode> expected(Path fixtureFile) throws IOException {
        Map<String, JsonNode> byId = new TreeMap<>();
        MAPPER.readTree(Path.of(fixtureFile + ".expected.json").toFile()).forEach(e -> byId.put(e.get("id").asText(), e));
        return byId;
    }

    private Path write(String relative, byte[] bytes, StandardOpenOption... mode) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes, mode.length == 0 ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND} : mode);
        return file;
    }

    private static String relativeToHome(Path fixture) {
        String s = fixture.toString();
        return s.substring(s.indexOf("/home/") + "/home/".length());
    }

    @Test
    void partialLastLineWaitsForItsNewline() throws Exception {
        Path fixture = edgeCase("truncated-mid-line/home/" + CLAUDE_DIR + "94043c70-24ae-45ff-8198-d710223f6613.jsonl");
        byte[] bytes = Files.readAllBytes(fixture);
        assertThat(bytes[bytes.length - 1]).as("fixture ends mid-line").isNotEqualTo((byte) '\n');
        int lastNewline = lastIndexOf(bytes, (byte) '\n');
        String rel = relativeToHome(fixture);

        write(rel, Arrays.copyOfRange(bytes, 0, lastNewline + 1));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(fixture));
        int delivered = sink.events.size();

        write(rel, Arrays.copyOfRange(bytes, lastNewline + 1, bytes.length));
        collector.pollOnce();
        assertThat(sink.events).as("the cut line is still incomplete: nothing new").hasSize(delivered);
        assertThat(sink.upserted()).isEqualTo(expected(fixture));
        assertThat(warnings).isEmpty();
    }

    @Test
    void appendedLinesUpdateTheSplitMessage() throws Exception {
        Path before = edgeCase("append/before/home/" + CLAUDE_DIR + "33d16c2c-ac60-4355-b5ba-741a9de228b2.jsonl");
        Path after = edgeCase("append/after/home/" + CLAUDE_DIR + "33d16c2c-ac60-4355-b5ba-741a9de228b2.jsonl");
        byte[] b = Files.readAllBytes(before);
        byte[] a = Files.readAllBytes(after);
        assertThat(Arrays.copyOfRange(a, 0, b.length)).as("after = before + appended bytes").isEqualTo(b);
        String rel = relativeToHome(before);

        write(rel, b);
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(before));

        // the appended bytes arrive in two pieces, the first ending mid-line
        int cut = b.length + (a.length - b.length) / 2;
        write(rel, Arrays.copyOfRange(a, b.length, cut));
        collector.pollOnce();
        write(rel, Arrays.copyOfRange(a, cut, a.length));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(after));
        assertThat(warnings).isEmpty();
    }

    @Test
    void replacedFileWithNewInodeIsReadAgainFromTheStart() throws Exception {
        Path before = edgeCase("rotated/before/home/.config/Code/User/workspaceStorage/45a2e661dea3a2c758525e181eb15cd5/chatSessions/5eb50e4c-7e87-4411-93e3-5e06d88bb473.jsonl");
        Path after = edgeCase("rotated/after/home/.config/Code/User/workspaceStorage/45a2e661dea3a2c758525e181eb15cd5/chatSessions/5eb50e4c-7e87-4411-93e3-5e06d88bb473.jsonl");
        String rel = relativeToHome(before);
        write(rel.replace("chatSessions/5eb50e4c-7e87-4411-93e3-5e06d88bb473.jsonl", "workspace.json"),
                Files.readAllBytes(before.resolveSibling("../workspace.json").normalize()));
        write(rel, Files.readAllBytes(before));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(before));

        // VS Code compaction: a new file renamed over the old one
        Path tmpFile = home.resolve(rel + ".tmp");
        Files.write(tmpFile, Files.readAllBytes(after));
        Files.move(tmpFile, home.resolve(rel), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(after));
        assertThat(warnings).anyMatch(w -> w.contains(rel) && w.contains("replaced"));
    }

    @Test
    void fileTruncatedInPlaceIsReadAgainFromTheStart() throws Exception {
        Path before = edgeCase("rotated/before/home/.config/Code/User/workspaceStorage/45a2e661dea3a2c758525e181eb15cd5/chatSessions/5eb50e4c-7e87-4411-93e3-5e06d88bb473.jsonl");
        Path after = edgeCase("rotated/after/home/.config/Code/User/workspaceStorage/45a2e661dea3a2c758525e181eb15cd5/chatSessions/5eb50e4c-7e87-4411-93e3-5e06d88bb473.jsonl");
        String rel = relativeToHome(before);
        write(rel, Files.readAllBytes(before));
        collector.pollOnce();

        // same inode, cut to nothing (the writer truncates before rewriting), then rewritten
        write(rel, new byte[0], StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        collector.pollOnce();
        write(rel, Files.readAllBytes(after));
        collector.pollOnce();
        Map<String, JsonNode> upserted = sink.upserted();
        // no workspace.json here: projectPath is null, so compare everything but that
        Map<String, JsonNode> want = expected(after);
        assertThat(upserted.keySet()).isEqualTo(want.keySet());
        want.forEach((id, e) -> assertThat(upserted.get(id).get("data")).isEqualTo(e.get("data")));
        assertThat(warnings).anyMatch(w -> w.contains(rel) && w.contains("truncated"));
    }

    @Test
    void malformedLineIsSkippedWithAWarningNamingFileAndLine() throws Exception {
        Path fixture = edgeCase("malformed-line/home/.codex/sessions/2026/05/21/rollout-2026-05-21T10-01-44-019e49fb-e012-75ee-8591-216ac25a9f06.jsonl");
        String rel = relativeToHome(fixture);
        write(rel, Files.readAllBytes(fixture));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(fixture));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(home.resolve(rel).toString()).contains("line 12").contains("not a JSON object");
        assertThat(collector.counters().snapshot().malformedLines()).isEqualTo(1);
    }

    @Test
    void oneMegabyteLineIsReadEvenWhenWrittenInPieces() throws Exception {
        Path fixture = edgeCase("long-line/home/" + CLAUDE_DIR + "138ae567-c2d5-4e9b-a789-40e7088ec61c.jsonl");
        byte[] bytes = Files.readAllBytes(fixture);
        String rel = relativeToHome(fixture);
        int longest = longestLineEnd(bytes);
        int middle = longest - 1_000_000;
        write(rel, Arrays.copyOfRange(bytes, 0, middle));
        collector.pollOnce();
        int firstPass = sink.events.size();
        write(rel, Arrays.copyOfRange(bytes, middle, bytes.length));
        collector.pollOnce();
        assertThat(sink.events.size()).isGreaterThan(firstPass);
        assertThat(sink.upserted()).isEqualTo(expected(fixture));
        assertThat(sink.upserted().values()).anyMatch(e -> e.path("data").path("outputBytes").asLong() == 1_048_576L);
        assertThat(warnings).isEmpty();
    }

    @Test
    void invalidUtf8IsReplacedAndReported() throws Exception {
        Path fixture = edgeCase("non-utf8/home/" + CLAUDE_DIR + "118622fd-3317-46de-9cab-4da95afc0ae4.jsonl");
        String rel = relativeToHome(fixture);
        write(rel, Files.readAllBytes(fixture));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(fixture));
        assertThat(warnings).isNotEmpty().allMatch(w -> w.contains(home.resolve(rel).toString()) && w.contains("line ") && w.contains("UTF-8"));
        assertThat(collector.counters().snapshot().invalidUtf8Lines()).isEqualTo(warnings.size());
    }

    @Test
    void nulPaddingLineIsSkipped() throws Exception {
        Path fixture = edgeCase("nul-padding/home/" + CLAUDE_DIR + "315f489a-52d2-49a4-baa9-52bd1af07345.jsonl");
        String rel = relativeToHome(fixture);
        write(rel, Files.readAllBytes(fixture));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(fixture));
        assertThat(warnings).hasSize(1).allMatch(w -> w.contains("line 3"));
    }

    @Test
    void emptyFileYieldsNothingUntilLinesArrive() throws Exception {
        Path fixture = edgeCase("empty-file/home/" + CLAUDE_DIR + "6f51109d-2adb-4dad-8cff-2dbb66a1b9f8.jsonl");
        assertThat(Files.size(fixture)).isZero();
        String rel = relativeToHome(fixture);
        write(rel, new byte[0]);
        collector.pollOnce();
        assertThat(sink.events).isEmpty();
        assertThat(collector.counters().files()).isEqualTo(1);

        // then the session starts writing: the lines of another fixture session
        Path other = edgeCase("append/before/home/" + CLAUDE_DIR + "33d16c2c-ac60-4355-b5ba-741a9de228b2.jsonl");
        write(rel, Files.readAllBytes(other));
        collector.pollOnce();
        assertThat(sink.upserted()).isEqualTo(expected(other));
        assertThat(warnings).isEmpty();
    }

    @Test
    void restartAfterCleanStopRepeatsNothing() throws Exception {
        Path before = edgeCase("append/before/home/" + CLAUDE_DIR + "33d16c2c-ac60-4355-b5ba-741a9de228b2.jsonl");
        Path after = edgeCase("append/after/home/" + CLAUDE_DIR + "33d16c2c-ac60-4355-b5ba-741a9de228b2.jsonl");
        byte[] b = Files.readAllBytes(before);
        byte[] a = Files.readAllBytes(after);
        String rel = relativeToHome(before);
        write(rel, b);
        collector.pollOnce();
        collector.close();
        CollectingSink first = sink;

        write(rel, Arrays.copyOfRange(a, b.length, a.length));
        sink = new CollectingSink();
        collector = newCollector();
        collector.pollOnce();

        List<io.edgeledger.probe.devlog.event.DevlogEvent> union = new ArrayList<>(first.events);
        union.addAll(sink.events);
        assertThat(CollectingSink.upsert(union)).isEqualTo(expected(after));
        Map<String, JsonNode> firstById = first.upserted();
        sink.upserted().forEach((id, e) -> assertThat(e).as("event %s delivered again unchanged", id).isNotEqualTo(firstById.get(id)));
        assertThat(sink.events.size()).as("second run reads only the appended part").isLessThan(expected(after).size());
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Index just past the longest line's newline. */
    private static int longestLineEnd(byte[] bytes) {
        int start = 0;
        int best = 0;
        int bestEnd = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i - start > best) {
                    best = i - start;
                    bestEnd = i + 1;
                }
                start = i + 1;
            }
        }
        return bestEnd;
    }
}
