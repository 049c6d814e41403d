package io.edgeledger.ledger.leaf;

import io.edgeledger.debezium.ChangeEventParser;
import io.edgeledger.debezium.DebeziumError;
import io.edgeledger.debezium.DebeziumException;
import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonBoolean;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.NumberFormats;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * leaf-v2 values decoded with a Kafka Connect JSON schema (JsonConverter type names, Debezium and
 * Connect logical types). {@code null} is null for every schema; anything else must match, or the
 * record is poison with {@code schema_mismatch} / {@code bad_base64}.
 */
public final class TypedValues {
    private TypedValues() {}

    public static JsonValue decode(JsonValue schema, JsonValue value, String path) {
        if (value instanceof JsonNull) {
            return value;
        }
        if (!(schema instanceof JsonObject s)) {
            throw mismatch(path, "schema is a JSON " + (schema == null ? "nothing" : schema.typeName()) + ", expected an object");
        }
        String type = s.string("type");
        if (type == null) {
            throw mismatch(path, "schema has no string 'type'");
        }
        String name = s.string("name");
        if (name != null) {
            JsonValue logical = logical(name, type, s, value, path);
            if (logical != null) {
                return logical;
            }
        }
        return switch (type) {
            case "int8" -> integer(value, -128, 127, path, type);
            case "int16" -> integer(value, -32768, 32767, path, type);
            case "int32" -> integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, path, type);
            case "int64" -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE, path, type);
            case "float" -> floating(value, true, path);
            case "double" -> floating(value, false, path);
            case "boolean" -> {
                if (!(value instanceof JsonBoolean)) {
                    throw wrongType(path, type, value);
                }
                yield value;
            }
            case "string" -> {
                if (!(value instanceof JsonString)) {
                    throw wrongType(path, type, value);
                }
                yield value;
            }
            case "bytes" -> {
                StrictBase64.decode(string(value, path, type), path);
                yield value;
            }
            case "array" -> array(s, value, path);
            case "map" -> map(s, value, path);
            case "struct" -> struct(s, value, path);
            default -> throw mismatch(path, "unknown schema type \"" + type + "\"");
        };
    }

    /** Decodes a logical type, or returns null when {@code name} is not one leaf-v2 interprets. */
    private static JsonValue logical(String name, String type, JsonObject schema, JsonValue value, String path) {
        switch (name) {
            case "org.apache.kafka.connect.data.Decimal" -> {
                requireBase(name, type, "bytes", path);
                String text = string(value, path, name);
                int scale = decimalScale(schema, path);
                byte[] bytes = StrictBase64.decode(text, path);
                return new JsonString(DecimalText.of(bytes, scale, path));
            }
            case "io.debezium.data.VariableScaleDecimal" -> {
                requireBase(name, type, "struct", path);
                return variableScaleDecimal(value, path);
            }
            case "io.debezium.time.Date", "org.apache.kafka.connect.data.Date" -> {
                requireBase(name, type, "int32", path);
                return new JsonString(TemporalText.date(integerValue(value, Integer.MIN_VALUE, Integer.MAX_VALUE, path, name)));
            }
            case "io.debezium.time.Timestamp", "org.apache.kafka.connect.data.Timestamp" -> {
                requireBase(name, type, "int64", path);
                return new JsonString(TemporalText.timestamp(integerValue(value, Long.MIN_VALUE, Long.MAX_VALUE, path, name), 1_000L, 3));
            }
            case "io.debezium.time.MicroTimestamp" -> {
                requireBase(name, type, "int64", path);
                return new JsonString(TemporalText.timestamp(integerValue(value, Long.MIN_VALUE, Long.MAX_VALUE, path, name), 1_000_000L, 6));
            }
            case "io.debezium.time.NanoTimestamp" -> {
                requireBase(name, type, "int64", path);
                return new JsonString(TemporalText.timestamp(integerValue(value, Long.MIN_VALUE, Long.MAX_VALUE, path, name), 1_000_000_000L, 9));
            }
            case "io.debezium.time.Time", "org.apache.kafka.connect.data.Time" -> {
                requireBase(name, type, "int32", path);
                return new JsonString(TemporalText.timeOfDay(integerValue(value, Integer.MIN_VALUE, Integer.MAX_VALUE, path, name), 1_000L, 3));
            }
            case "io.debezium.time.MicroTime" -> {
                requireBase(name, type, "int64", path);
                return new JsonString(TemporalText.timeOfDay(integerValue(value, Long.MIN_VALUE, Long.MAX_VALUE, path, name), 1_000_000L, 6));
            }
            case "io.debezium.time.NanoTime" -> {
                requireBase(name, type, "int64", path);
                return new JsonString(TemporalText.timeOfDay(integerValue(value, Long.MIN_VALUE, Long.MAX_VALUE, path, name), 1_000_000_000L, 9));
            }
            case "io.debezium.data.Json" -> {
                requireBase(name, type, "string", path);
                String text = string(value, path, name);
                return UntypedValues.convert(ChangeEventParser.parseJson(text, path + " (" + name + ")"));
            }
            default -> {
                return null;
            }
        }
    }

    private static JsonValue variableScaleDecimal(JsonValue value, String path) {
        if (!(value instanceof JsonObject o)) {
            throw wrongType(path, "io.debezium.data.VariableScaleDecimal", value);
        }
        for (String member : o.members().keySet()) {
            if (!member.equals("scale") && !member.equals("value")) {
                throw mismatch(path, "VariableScaleDecimal has an unexpected member \"" + member + "\"");
            }
        }
        JsonValue scale = o.get("scale");
        JsonValue unscaled = o.get("value");
        if (scale == null || scale instanceof JsonNull || unscaled == null || unscaled instanceof JsonNull) {
            throw mismatch(path, "VariableScaleDecimal needs non-null 'scale' and 'value'");
        }
        int s = (int) integerValue(scale, Integer.MIN_VALUE, Integer.MAX_VALUE, path + ".scale", "int32");
        byte[] bytes = StrictBase64.decode(string(unscaled, path + ".value", "bytes"), path + ".value");
        return new JsonString(DecimalText.of(bytes, s, path));
    }

    private static int decimalScale(JsonObject schema, String path) {
        String text = schema.get("parameters") instanceof JsonObject p ? p.string("scale") : null;
        if (text == null || !text.matches("-?[0-9]+")) {
            throw mismatch(path, "Decimal schema needs parameters.scale as a decimal integer string, got " + (text == null ? "none" : "\"" + text + "\""));
        }
        BigInteger v = new BigInteger(text);
        if (v.bitLength() > 31) {
            throw mismatch(path, "Decimal scale " + text + " is outside the int32 range");
        }
        return v.intValue();
    }

    private static JsonValue array(JsonObject schema, JsonValue value, String path) {
        if (!(value instanceof JsonArray a)) {
            throw wrongType(path, "array", value);
        }
        JsonValue items = schema.get("items");
        List<JsonValue> out = new ArrayList<>(a.items().size());
        for (int i = 0; i < a.items().size(); i++) {
            out.add(decode(items, a.items().get(i), path + "[" + i + "]"));
        }
        return new JsonArray(out);
    }

    private static JsonValue map(JsonObject schema, JsonValue value, String path) {
        JsonValue keys = schema.get("keys");
        JsonValue values = schema.get("values");
        if (keys instanceof JsonObject k && "string".equals(k.string("type"))) {
            if (!(value instanceof JsonObject o)) {
                throw wrongType(path, "map with string keys", value);
            }
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                out.put(m.getKey(), decode(values, m.getValue(), path + "." + m.getKey()));
            }
            return new JsonObject(out);
        }
        if (!(value instanceof JsonArray a)) {
            throw wrongType(path, "map (array of [key, value] pairs)", value);
        }
        List<JsonValue> out = new ArrayList<>(a.items().size());
        for (int i = 0; i < a.items().size(); i++) {
            if (!(a.items().get(i) instanceof JsonArray pair) || pair.items().size() != 2) {
                throw mismatch(path + "[" + i + "]", "map entry must be a [key, value] array");
            }
            out.add(new JsonArray(List.of(decode(keys, pair.items().get(0), path + "[" + i + "][0]"),
                    decode(values, pair.items().get(1), path + "[" + i + "][1]"))));
        }
        return new JsonArray(out);
    }

    private static JsonValue struct(JsonObject schema, JsonValue value, String path) {
        if (!(value instanceof JsonObject o)) {
            throw wrongType(path, "struct", value);
        }
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
            JsonValue field = field(schema, m.getKey());
            if (field == null) {
                throw mismatch(path, "member \"" + m.getKey() + "\" has no field in the struct schema");
            }
            out.put(m.getKey(), decode(field, m.getValue(), path + "." + m.getKey()));
        }
        return new JsonObject(out);
    }

    /** The schema of struct field {@code name}, or null when the struct has none. */
    public static JsonValue field(JsonObject structSchema, String name) {
        if (!(structSchema.get("fields") instanceof JsonArray fields)) {
            return null;
        }
        for (JsonValue f : fields.items()) {
            if (f instanceof JsonObject fo && name.equals(fo.string("field"))) {
                return fo;
            }
        }
        return null;
    }

    private static JsonValue integer(JsonValue value, long min, long max, String path, String type) {
        long v = integerValue(value, min, max, path, type);
        return Math.abs(v) <= (1L << 53) && v != Long.MIN_VALUE ? new JsonNumber(Long.toString(v)) : new JsonString(Long.toString(v));
    }

    private static long integerValue(JsonValue value, long min, long max, String path, String type) {
        if (!(value instanceof JsonNumber n)) {
            throw wrongType(path, type, value);
        }
        if (!n.isIntegerToken()) {
            throw mismatch(path, type + " needs an integer, got " + n.text());
        }
        BigInteger v = new BigInteger(n.text());
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw mismatch(path, n.text() + " is outside the " + type + " range");
        }
        return v.longValue();
    }

    private static JsonValue floating(JsonValue value, boolean single, String path) {
        double d;
        if (value instanceof JsonNumber n) {
            d = single ? (double) Float.parseFloat(n.text()) : Double.parseDouble(n.text());
        } else if (value instanceof JsonString s && (s.value().equals("NaN") || s.value().equals("Infinity") || s.value().equals("-Infinity"))) {
            d = Double.parseDouble(s.value());
        } else {
            throw wrongType(path, single ? "float" : "double", value);
        }
        if (Double.isNaN(d)) {
            return new JsonString("NaN");
        }
        if (Double.isInfinite(d)) {
            return new JsonString(d > 0 ? "Infinity" : "-Infinity");
        }
        if (UntypedValues.isNegativeZero(d)) {
            return new JsonString("-0.0");
        }
        return new JsonNumber(NumberFormats.ecmascript(d));
    }

    private static String string(JsonValue value, String path, String type) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        throw wrongType(path, type, value);
    }

    private static void requireBase(String name, String type, String expected, String path) {
        if (!expected.equals(type)) {
            throw mismatch(path, name + " must have type " + expected + ", schema says " + type);
        }
    }

    private static DebeziumException wrongType(String path, String type, JsonValue value) {
        return mismatch(path, type + " expected, got a JSON " + value.typeName());
    }

    private static DebeziumException mismatch(String path, String detail) {
        return new DebeziumException(DebeziumError.SCHEMA_MISMATCH, path + ": " + detail);
    }
}
