package io.edgeledger.json;

import java.util.Objects;

/** A JSON string, already unescaped. */
public record JsonString(String value) implements JsonValue {
    public JsonString {
        Objects.requireNonNull(value, "value");
    }
}
