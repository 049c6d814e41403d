package io.edgeledger.json;

import java.math.BigDecimal;
import java.util.Objects;

/** A JSON number as its token text (RFC 8259 grammar), never rounded on the way in. */
public record JsonNumber(String text) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(text, "text");
    }

    /** True for tokens without fraction or exponent ({@code 12}, {@code -0}); false for NaN / Infinity. */
    public boolean isIntegerToken() {
        int start = text.startsWith("-") ? 1 : 0;
        if (start >= text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public BigDecimal decimal() {
        return new BigDecimal(text);
    }
}
