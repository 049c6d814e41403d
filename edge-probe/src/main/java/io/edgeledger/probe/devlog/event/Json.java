package io.edgeledger.probe.devlog.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Null-tolerant accessors for the loosely typed JSON the assistants write. */
public final class Json {
    private Json() {}

    /** The field as a string, or null when absent, null, or not a string. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    public static long number(JsonNode node, String field) {
        if (node == null) {
            return 0;
        }
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : 0;
    }

    public static boolean isTrue(JsonNode node, String field) {
        if (node == null) {
            return false;
        }
        JsonNode v = node.get(field);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    public static ObjectNode object(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v instanceof ObjectNode o ? o : null;
    }

    /** Parses JSON text embedded in a string (tool arguments); null when it is not JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
