package io.edgeledger.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads ../shared/samples/debezium into Redis streams the way Debezium Server's Redis sink writes them:
 * the redis/*.jsonl files as they are (extended, compact, extended with schemas), and the Kafka-style
 * *.events.json files as extended entries (a null key/value becomes the sink's "default"). Each source
 * gets its own stream prefix so its batches stay apart; the leaf-v2 vectors give each one's roots.
 */
public final class Samples {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Source file (as leaf-v2.json's sample_batches name it) → stream prefix used in the test. */
    public static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("redis/streams-extended.jsonl", "ext");
        SOURCES.put("redis/streams-compact.jsonl", "compact");
        SOURCES.put("redis/streams-extended-schemas.jsonl", "schemas");
        SOURCES.put("postgres/customers.events.json", "pgcust");
        SOURCES.put("postgres/orders.events.json", "pgord");
        SOURCES.put("mysql/products.events.json", "myprod");
        SOURCES.put("with-schema/customers.events.json", "wscust");
        SOURCES.put("with-schema/orders.events.json", "wsord");
        SOURCES.put("with-schema/products.events.json", "wsprod");
    }

    public record Entry(String stream, List<String> fields) {}

    private Samples() {}

    /** The stream name a sample stream gets under a test prefix: etrap.public.orders → ext.public.orders. */
    public static String rename(String stream, String prefix) {
        return prefix + stream.substring(stream.indexOf('.'));
    }

    public static List<Entry> entries(String source, String prefix) {
        Path file = SharedData.resolve("samples/debezium/" + source);
        List<Entry> entries = new ArrayList<>();
        try {
            if (source.endsWith(".jsonl")) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = JSON.readTree(line);
                    List<String> fields = new ArrayList<>();
                    node.get("fields").forEach(pair -> pair.forEach(text -> fields.add(text.asText())));
                    entries.add(new Entry(rename(node.get("stream").asText(), prefix), fields));
                }
            } else {
                for (JsonNode record : JSON.readTree(file.toFile())) {
                    String key = record.get("key").isNull() ? "default" : JSON.writeValueAsString(record.get("key"));
                    String value = record.get("value").isNull() ? "default" : JSON.writeValueAsString(record.get("value"));
                    entries.add(new Entry(rename(record.get("topic").asText(), prefix), List.of("key", key, "value", value)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read sample " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** XADDs the entries; explicit ids ({@code baseMillis + i}-0) when baseMillis > 0, else Redis's. */
    public static int load(TestRedis redis, List<Entry> entries, long baseMillis) {
        int i = 0;
        for (Entry entry : entries) {
            List<Object> command = new ArrayList<>(List.of("XADD", entry.stream(), baseMillis > 0 ? (baseMillis + i) + "-0" : "*"));
            command.addAll(entry.fields());
            redis.call(command.toArray());
            i++;
        }
        return i;
    }

    /** leaf-v2.json sample_batches: "source|stream" → expected root. */
    public static Map<String, String> expectedRoots() {
        Map<String, String> roots = new LinkedHashMap<>();
        try {
            JsonNode vectors = JSON.readTree(SharedData.resolve("vectors/leaf-v2.json").toFile());
            for (JsonNode batch : vectors.get("sample_batches")) {
                roots.put(batch.get("source").asText() + "|" + batch.get("stream").asText(), batch.get("root").asText());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return roots;
    }
}
