package io.edgeledger.probe.devlog.tail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Turns one JSONL line into a JSON object. Invalid UTF-8 is replaced byte by byte with U+FFFD (the
 * line is still used, with a warning); anything that is not exactly one JSON object is skipped with a warning.
 */
public final class JsonLineDecoder {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json writes NaN/Infinity
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(ChunkReader.MAX_LINE_BYTES).build());
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a line turned out to be. */
    public enum Problem { NONE, INVALID_UTF8, NOT_AN_OBJECT, BLANK }

    /** The decoded object (null when skipped) and what was wrong with the line, if anything. */
    public record Decoded(ObjectNode object, boolean invalidUtf8, Problem problem) {}

    private JsonLineDecoder() {}

    public static Decoded decode(byte[] buf, int off, int len) {
        return decode(buf, off, len, Set.of());
    }

    /**
     * Like {@link #decode(byte[], int, int)}, but fields at the given paths ({@code "toolUseResult"},
     * {@code "payload.encrypted_content"}: object fields from the root, no arrays) are skipped without
     * being decoded, so bulky parts a source never uses cost almost nothing.
     */
    public static Decoded decode(byte[] buf, int off, int len, Set<String> skip) {
        if (isBlank(buf, off, len)) {
            return new Decoded(null, false, Problem.BLANK);
        }
        // optimistic: parse the bytes directly; Jackson rejects invalid UTF-8 in every string it decodes
        try (JsonParser p = MAPPER.getFactory().createParser(buf, off, len)) {
            ObjectNode object = readRoot(p, skip);
            return object == null ? new Decoded(null, false, Problem.NOT_AN_OBJECT) : new Decoded(object, false, Problem.NONE);
        } catch (IOException e) {
            if (Utf8.isValid(buf, off, len)) {
                return new Decoded(null, false, Problem.NOT_AN_OBJECT);
            }
        }
        // invalid UTF-8: each bad byte becomes U+FFFD, and the line is used
        try (JsonParser p = MAPPER.getFactory().createParser(new String(buf, off, len, StandardCharsets.UTF_8))) {
            ObjectNode object = readRoot(p, skip);
            return object == null ? new Decoded(null, true, Problem.NOT_AN_OBJECT) : new Decoded(object, true, Problem.INVALID_UTF8);
        } catch (IOException e) {
            return new Decoded(null, true, Problem.NOT_AN_OBJECT);
        }
    }

    /** Skip paths split by depth once per set (they are constants), so the per-field check is one hash lookup. */
    private record SkipPlan(Set<String> top, Map<String, Set<String>> nested) {}

    private static final Map<Set<String>, SkipPlan> PLANS = new ConcurrentHashMap<>();

    private static SkipPlan plan(Set<String> skip) {
        return PLANS.computeIfAbsent(skip, s -> {
            Set<String> top = new HashSet<>();
            Map<String, Set<String>> nested = new HashMap<>();
            for (String path : s) {
                int dot = path.indexOf('.');
                if (dot < 0) {
                    top.add(path);
                } else {
                    nested.computeIfAbsent(path.substring(0, dot), k -> new HashSet<>()).add(path.substring(dot + 1));
                }
            }
            return new SkipPlan(top, nested);
        });
    }

    private static ObjectNode readRoot(JsonParser p, Set<String> skip) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        SkipPlan plan = skip.isEmpty() ? null : plan(skip);
        ObjectNode root = readObject(p, plan == null ? null : plan.top(), plan == null ? null : plan.nested());
        return p.nextToken() == null ? root : null; // trailing content: not one JSON object
    }

    /** Reads an object; {@code skip} names fields dropped here, {@code nested} the fields dropped one level down. */
    private static ObjectNode readObject(JsonParser p, Set<String> skip, Map<String, Set<String>> nested) throws IOException {
        ObjectNode node = NODES.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (skip != null && skip.contains(name)) {
                p.skipChildren();
                continue;
            }
            if (value == JsonToken.START_OBJECT) {
                Set<String> childSkip = nested == null ? null : nested.get(name);
                node.set(name, readObject(p, childSkip, null));
            } else {
                node.set(name, readValue(p, value));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unterminated object");
        }
        return node;
    }

    private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        return switch (t) {
            case START_OBJECT -> readObject(p, null, null);
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readValue(p, e));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected token " + t);
        };
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
