package io.edgeledger.json;

/**
 * A parsed JSON value. Numbers keep their token text, so nothing is rounded before a caller decides
 * how to interpret it (leaf-v2 and etrap-v1 read the same token differently).
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** Short name of the JSON type, for error messages ("object", "string", ...). */
    default String typeName() {
        return switch (this) {
            case JsonObject o -> "object";
            case JsonArray a -> "array";
            case JsonString s -> "string";
            case JsonNumber n -> "number";
            case JsonBoolean b -> "boolean";
            case JsonNull n -> "null";
        };
    }

    static JsonString of(String s) {
        return new JsonString(s);
    }

    static JsonNumber of(long v) {
        return new JsonNumber(Long.toString(v));
    }

    static JsonBoolean of(boolean b) {
        return b ? JsonBoolean.TRUE : JsonBoolean.FALSE;
    }
}
