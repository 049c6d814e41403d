package io.edgeledger.ledger.leaf;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.NumberFormats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * leaf-v2 values without a schema: the JSON as written. A number stays a number only when JCS can write
 * it back with exactly the token's value; otherwise it becomes the token as a string, so a leaf never
 * rounds silently.
 */
public final class UntypedValues {
    static final BigInteger TWO_POW_53 = BigInteger.ONE.shiftLeft(53);
    private static final long MAX_SAFE = 1L << 53;

    private UntypedValues() {}

    public static JsonValue convert(JsonValue value) {
        return switch (value) {
            case JsonNumber n -> number(n);
            case JsonArray a -> {
                List<JsonValue> items = new ArrayList<>(a.items().size());
                for (JsonValue item : a.items()) {
                    items.add(convert(item));
                }
                yield new JsonArray(items);
            }
            case JsonObject o -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                    members.put(m.getKey(), convert(m.getValue()));
                }
                yield new JsonObject(members);
            }
            default -> value;
        };
    }

    static JsonValue number(JsonNumber n) {
        String token = n.text();
        if (n.isIntegerToken()) {
            if (token.length() <= 17) {
                long v = Long.parseLong(token);
                return Math.abs(v) <= MAX_SAFE ? new JsonNumber(Long.toString(v)) : new JsonString(token);
            }
            BigInteger v = new BigInteger(token);
            return v.abs().compareTo(TWO_POW_53) <= 0 ? new JsonNumber(v.toString()) : new JsonString(token);
        }
        double d = Double.parseDouble(token);
        if (Double.isFinite(d) && !isNegativeZero(d)) {
            String canonical = NumberFormats.ecmascript(d);
            if (sameValue(token, canonical)) {
                return new JsonNumber(canonical);
            }
        }
        return new JsonString(token);
    }

    static boolean isNegativeZero(double d) {
        return d == 0 && Double.doubleToRawLongBits(d) != 0;
    }

    private static boolean sameValue(String token, String canonical) {
        try {
            return new BigDecimal(token).compareTo(new BigDecimal(canonical)) == 0;
        } catch (NumberFormatException | ArithmeticException e) {
            return false; // exponent beyond BigDecimal's range: certainly not the double's value
        }
    }
}
