package io.edgeledger.debezium;

import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import java.util.List;
import java.util.Map;

/**
 * Parses Debezium records (Kafka Connect JSON, with or without the schema envelope) into typed change
 * events. Checks run in the order leaf-v2 defines, so the first problem decides the error: tombstone,
 * value JSON, envelope, op, source, then the key.
 */
public final class ChangeEventParser {
    private ChangeEventParser() {}

    /** A Redis Stream entry (fields in XRANGE order) as the Debezium Server Redis sink wrote it. */
    public static ParsedRecord parseRedisEntry(List<Map.Entry<String, String>> fields, String nullPlaceholder) {
        return parse(RedisEntryFormat.toRecord(fields, nullPlaceholder));
    }

    /** A Kafka-style record: key / value JSON text, null for a null key / value. */
    public static ParsedRecord parse(String keyText, String valueText) {
        return parse(new RawRecord(keyText, valueText));
    }

    public static ParsedRecord parse(RawRecord raw) {
        if (raw.valueText() == null) {
            return new Tombstone(raw.keyText());
        }
        ConnectValue value = ConnectValue.unwrap(parseJson(raw.valueText(), "value"));
        if (value.isNull()) {
            return new Tombstone(raw.keyText());
        }
        if (!(value.payload() instanceof JsonObject envelope)) {
            throw new DebeziumException(DebeziumError.BAD_ENVELOPE,
                    "the value is a JSON " + value.payload().typeName() + ", not a Debezium envelope object");
        }
        Op op = op(envelope);
        Source source = source(envelope);
        ConnectValue key = null;
        if (raw.keyText() != null) {
            key = ConnectValue.unwrap(parseJson(raw.keyText(), "key"));
        }
        return new ChangeEvent(op, source, member(envelope, "before"), member(envelope, "after"),
                longOrNull(envelope.get("ts_ms")), key, value.schema(), envelope);
    }

    /** Strict RFC 8259 parse; {@code what} names the text in the error ("key", "value", a column). */
    public static JsonValue parseJson(String text, String what) {
        try {
            return StrictJsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new DebeziumException(DebeziumError.INVALID_JSON, what + " is not valid JSON: " + e.getMessage());
        }
    }

    private static Op op(JsonObject envelope) {
        JsonValue v = envelope.get("op");
        if (v == null) {
            throw new DebeziumException(DebeziumError.BAD_ENVELOPE, "the envelope has no 'op' member");
        }
        if (!(v instanceof JsonString s)) {
            throw new DebeziumException(DebeziumError.BAD_ENVELOPE, "'op' is a JSON " + v.typeName() + ", expected a string");
        }
        Op op = Op.ofCode(s.value());
        if (op == null) {
            throw new DebeziumException(DebeziumError.UNSUPPORTED_OP,
                    "op \"" + s.value() + "\" is not a data change (expected one of c, u, d, r, t)");
        }
        return op;
    }

    private static Source source(JsonObject envelope) {
        JsonValue v = envelope.get("source");
        if (!(v instanceof JsonObject src)) {
            throw new DebeziumException(DebeziumError.BAD_ENVELOPE,
                    v == null ? "the envelope has no 'source' member" : "'source' is a JSON " + v.typeName() + ", expected an object");
        }
        String db = requiredString(src, "db");
        String table = requiredString(src, "table");
        JsonValue schema = src.get("schema");
        if (schema != null && !(schema instanceof JsonNull) && !(schema instanceof JsonString)) {
            throw new DebeziumException(DebeziumError.BAD_ENVELOPE, "'source.schema' is a JSON " + schema.typeName() + ", expected a string or null");
        }
        return new Source(db, schema instanceof JsonString s ? s.value() : null, table, longOrNull(src.get("ts_ms")),
                src.string("connector"), src.string("snapshot"), src);
    }

    private static String requiredString(JsonObject src, String name) {
        JsonValue v = src.get(name);
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw new DebeziumException(DebeziumError.BAD_ENVELOPE,
                v == null ? "'source." + name + "' is missing" : "'source." + name + "' is a JSON " + v.typeName() + ", expected a string");
    }

    private static JsonValue member(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null ? JsonNull.INSTANCE : v;
    }

    /** An integer-token number that fits a long, else null (informational fields never fail a record). */
    private static Long longOrNull(JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegerToken()) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
