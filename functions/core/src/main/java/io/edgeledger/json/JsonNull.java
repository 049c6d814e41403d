package io.edgeledger.json;

/** JSON {@code null}. */
public record JsonNull() implements JsonValue {
    public static final JsonNull INSTANCE = new JsonNull();
}
