package io.edgeledger.probe.devlog;

import static org.assertj.core.api.Assertions.assertThat;
import io.edgeledger.probe.devlog.source.LogSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared agent-log fixture, read by the adapter that discovers it, equals its .expected.json event for event. */
class DevlogFixturesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path fixtures() {
        return SharedData.resolve("fixtures/agent-logs");
    }

    static Stream<String> expectedFiles() throws IOException {
        Path root = fixtures();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> found = files.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
            assertThat(found).as("fixtures under " + root).hasSizeGreaterThan(20);
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void fixtureMatchesExpected(String expectedRelative) throws IOException {
        Path expectedPath = fixtures().resolve(expectedRelative);
        String name = expectedPath.getFileName().toString();
        Path file = expectedPath.resolveSibling(name.substring(0, name.length() - ".expected.json".length()));
        Path home = homeOf(file);
        List<String> warnings = new ArrayList<>();
        List<DevlogEvent> events = new ArrayList<>();
        int claimedBy = 0;
        for (LogSource source : Sources.all()) {
            if (source.discover(home).contains(file)) {
                claimedBy++;
                events.addAll(new DevlogReplay(warnings::add).readFile(file, source, home));
            }
        }
        assertThat(claimedBy).as("sources discovering " + file).isLessThanOrEqualTo(1);

        Map<String, JsonNode> expected = byId(MAPPER.readTree(expectedPath.toFile()));
        Map<String, JsonNode> actual = byId(MAPPER.readTree(EventJson.MAPPER.writeValueAsString(EventJson.toArray(events))));
        assertThat(actual.keySet()).as("event ids of " + file + "\nactual: " + actual.values() + "\nwarnings: " + warnings)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String id : expected.keySet()) {
            assertThat(actual.get(id)).as("event " + id).isEqualTo(expected.get(id));
        }
        assertThat(events).as("no duplicate ids").hasSize(actual.size());
    }

    static Path homeOf(Path file) {
        Path p = file;
        while (p != null && !p.getFileName().toString().equals("home")) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no home/ directory above " + file);
        }
        return p;
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> map = new TreeMap<>();
        array.forEach(e -> map.put(e.get("id").asText(), e));
        return map;
    }
}
