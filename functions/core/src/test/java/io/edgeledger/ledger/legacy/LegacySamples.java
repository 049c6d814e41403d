package io.edgeledger.ledger.legacy;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The shared etrap-legacy sample (real output of the original agent) for tests of every module. */
public final class LegacySamples {
    public static final String SAMPLE_BUCKET = "etrap-bench";

    private LegacySamples() {}

    public static Path dir() {
        return SharedData.resolve("samples/etrap-legacy");
    }

    public static Path mintsFile() {
        return dir().resolve("mints.jsonl");
    }

    /** The recorded mint_batch calls, one per batch. */
    public static List<JsonObject> mints() {
        return lines(mintsFile()).stream().map(l -> (JsonObject) StrictJsonParser.parse(l)).toList();
    }

    /** token id → batch_summary.merkle_root as minted. */
    public static String mintedRoot(String tokenId) {
        return mints().stream().map(m -> (JsonObject) m.get("args")).filter(a -> tokenId.equals(a.string("token_id")))
                .map(a -> ((JsonObject) a.get("batch_summary")).string("merkle_root")).findFirst().orElseThrow();
    }

    /** The stream entries the agent consumed: stream, id, key text, value text. */
    public record Event(String stream, String id, String key, String value) {}

    public static List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (String line : lines(dir().resolve("events.jsonl"))) {
            JsonObject e = (JsonObject) StrictJsonParser.parse(line);
            String key = null;
            String value = null;
            for (var f : ((JsonArray) e.get("fields")).items()) {
                List<?> pair = ((JsonArray) f).items();
                String name = ((JsonString) pair.get(0)).value();
                String text = ((JsonString) pair.get(1)).value();
                if (name.equals("key")) {
                    key = text;
                } else if (name.equals("value")) {
                    value = text;
                }
            }
            events.add(new Event(e.string("stream"), e.string("id"), key, value));
        }
        return events;
    }

    /** Object key (relative to the bucket) → file, for every object the agent wrote. */
    public static Map<String, Path> objects() {
        Path bucket = dir().resolve("s3").resolve(SAMPLE_BUCKET);
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
                    p -> bucket.relativize(p).toString().replace('\\', '/'), p -> p, (a, b) -> a, java.util.TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads every sample object to {@code bucket} under {@code keyPrefix} ("" for the agent's own keys). */
    public static void upload(S3Client s3, String bucket, String keyPrefix) {
        objects().forEach((key, file) -> s3.putObject(b -> b.bucket(bucket).key(keyPrefix + key), RequestBody.fromFile(file)));
    }

    public static byte[] bytes(String key) {
        try {
            return Files.readAllBytes(objects().get(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
