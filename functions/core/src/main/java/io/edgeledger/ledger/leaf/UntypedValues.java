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

    /** Returns {@code value} itself when nothing in it changes (the usual case): no copy of an unchanged tree. */
    public static JsonValue convert(JsonValue value) {
        return switch (value) {
            case JsonNumber n -> number(n);
            case JsonArray a -> {
                List<JsonValue> items = null;
                List<JsonValue> in = a.items();
                for (int i = 0; i < in.size(); i++) {
                    JsonValue item = in.get(i);
                    JsonValue converted = convert(item);
                    if (items == null && converted != item) {
                        items = new ArrayList<>(in.size());
                        items.addAll(in.subList(0, i));
                    }
                    if (items != null) {
                        items.add(converted);
                    }
                }
                yield items == null ? a : new JsonArray(items);
            }
            case JsonObject o -> {
                Map<String, JsonValue> members = null;
                for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                    JsonValue converted = convert(m.getValue());
                    if (members == null && converted != m.getValue()) {
                        members = new LinkedHashMap<>();
                        for (Map.Entry<String, JsonValue> before : o.members().entrySet()) {
                            if (before.getKey().equals(m.getKey())) {
                                break;
                            }
                            members.put(before.getKey(), before.getValue());
                        }
                    }
                    if (members != null) {
                        members.put(m.getKey(), converted);
                    }
                }
                yield members == null ? o : new JsonObject(members);
            }
            default -> value;
        };
    }

    static JsonValue number(JsonNumber n) {
        String token = n.text();
        if (n.isIntegerToken()) {
            if (token.length() <= 17) {
                long v = Long.parseLong(token);
                return Math.abs(v) <= MAX_SAFE ? same(n, Long.toString(v)) : new JsonString(token);
            }
            BigInteger v = new BigInteger(token);
            return v.abs().compareTo(TWO_POW_53) <= 0 ? new JsonNumber(v.toString()) : new JsonString(token);
        }
        double d = Double.parseDouble(token);
        if (Double.isFinite(d) && !isNegativeZero(d)) {
            String canonical = NumberFormats.ecmascript(d);
            if (sameValue(token, canonical)) {
                return same(n, canonical);
            }
        }
        return new JsonString(token);
    }

    /** {@code n} itself when its token already is the canonical text, so unchanged trees stay shared. */
    private static JsonNumber same(JsonNumber n, String canonical) {
        return n.text().equals(canonical) ? n : new JsonNumber(canonical);
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
