package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A JSON value carried as its text and written into the enclosing document as is, so what one side's writer made is
 * what goes on the wire. This module parses no JSON: a reader's mapper makes one from the value it read (the API's
 * {@code binding.WireMapper} re-writes that value compactly). Two are equal when their text is.
 */
public record RawJson(@JsonValue @JsonRawValue String text) {
    public RawJson {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("raw JSON must not be empty");
        }
    }

    /** Whether the value is a JSON object, as opposed to an array, a string, a number, true, false or null. */
    public boolean isObject() {
        return text.stripLeading().startsWith("{");
    }

    @Override
    public String toString() {
        return text;
    }
}
