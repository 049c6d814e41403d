package io.edgeledger.json;

import java.math.BigDecimal;
import java.util.Objects;

/** A JSON number as its token text (RFC 8259 grammar), never rounded on the way in. */
public record JsonNumber(String text) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(text, "text");
    }

    /** True for tokens without fraction or exponent ({@code 12}, {@code -0}). */
    public boolean isIntegerToken() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    public BigDecimal decimal() {
        return new BigDecimal(text);
    }
}
