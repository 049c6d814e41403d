package io.edgeledger.ledger;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Reads ../shared/vectors files with our strict parser, plus small accessors for tests. */
public final class VectorFiles {
    private VectorFiles() {}

    public static JsonObject load(String name) {
        try {
            return (JsonObject) StrictJsonParser.parse(Files.readString(SharedData.resolve("vectors/" + name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonObject> objects(JsonObject o, String member) {
        JsonValue v = o.get(member);
        if (v == null) {
            return List.of();
        }
        return ((JsonArray) v).items().stream().map(JsonObject.class::cast).toList();
    }

    /**
     * The cases a test factory runs: the member must be there and non-empty, so a renamed key or an empty file fails
     * the test instead of producing a factory with nothing in it (which JUnit reports as a pass).
     */
    public static List<JsonObject> cases(JsonObject o, String member) {
        return nonEmpty(objects(o, member), member);
    }

    /** What a test factory runs, checked to be there: an empty factory passes in JUnit, so it must fail here. */
    public static <T> List<T> nonEmpty(List<T> cases, String what) {
        if (cases.isEmpty()) {
            throw new AssertionError("no " + what + " (missing or empty in the vector file): nothing to test");
        }
        return cases;
    }

    public static List<String> strings(JsonObject o, String member) {
        return ((JsonArray) o.get(member)).items().stream().map(x -> ((JsonString) x).value()).toList();
    }

    public static String str(JsonObject o, String member) {
        JsonValue v = o.get(member);
        return v instanceof JsonString s ? s.value() : null;
    }

    public static long num(JsonObject o, String member) {
        return Long.parseLong(((JsonNumber) o.get(member)).text());
    }

    public static boolean bool(JsonObject o, String member) {
        return ((io.edgeledger.json.JsonBoolean) o.get(member)).value();
    }

    /** [[name, value], ...] as ordered entries; a JSON null value stays null. */
    public static List<Map.Entry<String, String>> fields(JsonArray pairs) {
        return pairs.items().stream().map(p -> {
            List<JsonValue> kv = ((JsonArray) p).items();
            String value = kv.get(1) instanceof JsonString s ? s.value() : null;
            return Map.entry(((JsonString) kv.get(0)).value(), value);
        }).toList();
    }
}
