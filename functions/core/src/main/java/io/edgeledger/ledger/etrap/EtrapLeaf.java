package io.edgeledger.ledger.etrap;

import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.PythonJsonWriter;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * etrap-v1 leaves: the original Python agent's per-entry hashing (merkle-etrap-v1.json). Lossy and
 * guess-based; kept only so legacy batches can still be verified, never used for new batches.
 */
public final class EtrapLeaf {
    public static final String SCHEME = "etrap-v1";

    private EtrapLeaf() {}

    /** What the agent makes of one entry: {@code skipped} non-null means it dropped the entry. */
    public record Result(String skipped, String operation, String group, String hashedPart, String canonicalSdk, String leafHashSdk,
            String canonicalLegacy, String leafHashLegacy) {}

    /** The SDK leaf hash of a raw row (the {@code after} JSON text): parse, decode_record, normalise, canonical JSON. */
    public static String rowLeafHash(String rowJson) {
        return sha256Hex(rowCanonicalJson(rowJson));
    }

    /** The leaf hash of an agent that ran without etrap-sdk (only numeric {@code *_at} > 10^12 normalised). */
    public static String rowLeafHashLegacy(String rowJson) {
        return sha256Hex(PythonJsonWriter.write(RowNormalizer.legacy(decodedRow(rowJson))));
    }

    public static String rowCanonicalJson(String rowJson) {
        return PythonJsonWriter.write(RowNormalizer.sdk(decodedRow(rowJson)));
    }

    private static JsonObject decodedRow(String rowJson) {
        JsonValue row = RecordDecoder.decode(parse(rowJson, "row"));
        if (!(row instanceof JsonObject o)) {
            throw new IllegalArgumentException("an etrap-v1 row must be a JSON object");
        }
        return o;
    }

    /** One Redis Stream entry; fields in XRANGE order (a repeated name: the last one wins, as in a Python dict). */
    public static Result fromRedisEntry(List<Map.Entry<String, String>> fieldList) {
        Map<String, String> fields = new LinkedHashMap<>();
        fieldList.forEach(f -> fields.put(f.getKey(), f.getValue()));
        String valueText = orEmptyObject(fields.get("value"));
        if (valueText.equals("default")) {
            return skipped("tombstone: value is the Redis sink's null placeholder 'default'");
        }
        JsonValue value;
        JsonValue key;
        try {
            value = StrictJsonParser.parsePython(valueText);
        } catch (JsonSyntaxException e) {
            return skipped("value is not JSON: " + e.getMessage());
        }
        try {
            key = StrictJsonParser.parsePython(orEmptyObject(fields.get("key")));
        } catch (JsonSyntaxException e) {
            return skipped("key is not JSON");
        }
        if (!(value instanceof JsonObject v)) {
            return skipped("value is not a JSON object");
        }
        JsonValue opValue = v.get("op");
        JsonValue operation = opValue == null ? JsonNull.INSTANCE : operation(opValue);
        JsonValue before = decoded(v.get("before"));
        JsonValue after = decoded(v.get("after"));
        String op = operation instanceof JsonString s ? s.value() : null;
        if ("DELETE".equals(op) && isEmpty(before)) {
            return skipped("delete without a before image");
        }
        String group = group(v);
        String part;
        JsonValue hashed;
        if (("INSERT".equals(op) || "UPDATE".equals(op)) && !isEmpty(after) && after instanceof JsonObject a) {
            part = "after";
            hashed = a;
        } else if ("DELETE".equals(op) && before instanceof JsonObject b) {
            part = "before";
            hashed = b;
        } else {
            part = "fallback";
            hashed = JsonObject.builder().put("operation", operation).put("key", key).put("before", before).put("after", after).build();
        }
        String sdk = PythonJsonWriter.write(part.equals("fallback") ? hashed : RowNormalizer.sdk((JsonObject) hashed));
        String legacy = PythonJsonWriter.write(part.equals("fallback") ? hashed : RowNormalizer.legacy((JsonObject) hashed));
        return new Result(null, op, group, part, sdk, sha256Hex(sdk), legacy, sha256Hex(legacy));
    }

    private static JsonValue operation(JsonValue op) {
        if (op instanceof JsonString s) {
            return switch (s.value()) {
                case "c" -> new JsonString("INSERT");
                case "u" -> new JsonString("UPDATE");
                case "d" -> new JsonString("DELETE");
                case "r" -> new JsonString("SNAPSHOT");
                default -> s;
            };
        }
        return op;
    }

    private static String group(JsonObject value) {
        JsonObject source = value.get("source") instanceof JsonObject s ? s : JsonObject.builder().build();
        String schema = source.string("schema");
        String table = source.string("table");
        return (schema != null && !schema.isEmpty() ? schema : "public") + "." + (table != null && !table.isEmpty() ? table : "unknown");
    }

    private static JsonValue decoded(JsonValue v) {
        return v == null ? JsonNull.INSTANCE : RecordDecoder.decode(v);
    }

    private static boolean isEmpty(JsonValue v) {
        return v == null || v instanceof JsonNull || (v instanceof JsonObject o && o.members().isEmpty());
    }

    private static String orEmptyObject(String text) {
        return text == null || text.isBlank() ? "{}" : text;
    }

    private static Result skipped(String reason) {
        return new Result(reason, null, null, null, null, null, null, null);
    }

    private static JsonValue parse(String text, String what) {
        try {
            return StrictJsonParser.parsePython(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage());
        }
    }

    static String sha256Hex(String text) {
        return Hex.of(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
