package io.edgeledger.ledger.etrap;

import io.edgeledger.json.JsonBoolean;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * etrap-v1 row normalisation (top-level fields only), in the two variants the vectors define: with
 * etrap-sdk installed ({@link #sdk}) and without ({@link #legacy}). Lossy by design; time zone UTC.
 */
final class RowNormalizer {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final BigDecimal E9 = BigDecimal.TEN.pow(9);
    private static final BigDecimal E12 = BigDecimal.TEN.pow(12);
    private static final BigDecimal E15 = BigDecimal.TEN.pow(15);

    private RowNormalizer() {}

    static JsonObject sdk(JsonObject row) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> m : row.members().entrySet()) {
            String k = m.getKey();
            JsonValue v = m.getValue();
            if (k.equals("id") || k.endsWith("_id")) {
                out.put(k, v);
            } else if (k.endsWith("_at") && v instanceof JsonNumber n && isFinite(n) && value(n).compareTo(E9) > 0) {
                out.put(k, new JsonString(isoMillis(n)));
            } else if (v instanceof JsonNumber n && !n.isIntegerToken()) {
                out.put(k, new JsonString(money(Double.parseDouble(n.text()))));
            } else {
                out.put(k, v);
            }
        }
        for (Map.Entry<String, JsonValue> m : out.entrySet()) {
            if (m.getKey().endsWith("_at") && m.getValue() instanceof JsonString s) {
                m.setValue(new JsonString(timestampText(s.value())));
            }
        }
        return new JsonObject(out);
    }

    static JsonObject legacy(JsonObject row) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> m : row.members().entrySet()) {
            JsonValue v = m.getValue();
            if (m.getKey().endsWith("_at") && v instanceof JsonNumber n && isFinite(n) && value(n).compareTo(E12) > 0) {
                long micros = epochMicros(n);
                String frac = String.format("%06d", Math.floorMod(micros, 1_000_000L)).replaceAll("0+$", "");
                out.put(m.getKey(), new JsonString(seconds(Math.floorDiv(micros, 1_000_000L)) + (frac.isEmpty() ? ".000" : "." + frac)));
            } else {
                out.put(m.getKey(), v);
            }
        }
        return new JsonObject(out);
    }

    /** SDK: epoch (s / ms / µs by magnitude) to UTC {@code YYYY-MM-DDTHH:MM:SS.fff}, truncated to ms. */
    private static String isoMillis(JsonNumber n) {
        long micros = epochMicros(n);
        long ms = Math.floorMod(micros, 1_000_000L) / 1000;
        return seconds(Math.floorDiv(micros, 1_000_000L)) + "." + String.format("%03d", ms);
    }

    /** Epoch value to microseconds: > 10^15 is µs, > 10^12 ms, else seconds; rounded half-even to 1 µs as Python does. */
    private static long epochMicros(JsonNumber n) {
        BigDecimal v = value(n);
        BigDecimal micros = v.compareTo(E15) > 0 ? v : v.compareTo(E12) > 0 ? v.scaleByPowerOfTen(3) : v.scaleByPowerOfTen(6);
        return micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static String seconds(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(SECONDS);
    }

    /** SDK float formatting: whole values as %d.00, else 10 decimals, trailing zeros stripped, at least 2. */
    static String money(double d) {
        if (!Double.isFinite(d)) {
            return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }
        BigDecimal exact = new BigDecimal(d);
        if (d == Math.rint(d)) {
            return exact.toBigInteger().toString() + ".00";
        }
        String s = exact.setScale(10, RoundingMode.HALF_EVEN).toPlainString();
        if (d < 0 && !s.startsWith("-")) {
            s = "-" + s; // Python keeps the sign of a negative value that rounds to zero
        }
        s = s.replaceAll("0+$", "");
        int decimals = s.length() - s.indexOf('.') - 1;
        return decimals >= 2 ? s : s + "0".repeat(2 - decimals);
    }

    /** SDK pass over every *_at string: space to T (when no T), fraction cut/padded to 3 characters, else .000. */
    private static String timestampText(String s) {
        if (s.contains(" ") && !s.contains("T")) {
            s = s.replace(' ', 'T');
        }
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            return s + ".000";
        }
        String tail = s.substring(dot + 1);
        tail = tail.length() >= 3 ? tail.substring(0, 3) : tail + "0".repeat(3 - tail.length());
        return s.substring(0, dot) + "." + tail;
    }

    private static boolean isFinite(JsonNumber n) {
        return n.isIntegerToken() || Double.isFinite(Double.parseDouble(n.text()));
    }

    /** The number as Python holds it: ints exact, floats as their binary64 value. */
    private static BigDecimal value(JsonNumber n) {
        return n.isIntegerToken() ? new BigDecimal(new BigInteger(n.text())) : new BigDecimal(Double.parseDouble(n.text()));
    }

    static boolean isBoolean(JsonValue v) {
        return v instanceof JsonBoolean;
    }
}
