package io.edgeledger.ledger.leaf;

import io.edgeledger.debezium.ChangeEvent;
import io.edgeledger.debezium.ChangeEventParser;
import io.edgeledger.debezium.ConnectValue;
import io.edgeledger.debezium.DebeziumError;
import io.edgeledger.debezium.DebeziumException;
import io.edgeledger.debezium.ParsedRecord;
import io.edgeledger.debezium.RawRecord;
import io.edgeledger.debezium.RedisEntryFormat;
import io.edgeledger.debezium.Tombstone;
import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.ledger.merkle.Rfc6962;
import java.util.List;
import java.util.Map;

/**
 * leaf-v2: the leaf of a new (rfc6962) batch, one per Debezium change event. Leaf document
 * {@code {"table","op","key","row"}} with values decoded by their Connect schema (untyped without one),
 * serialized with RFC 8785; leaf hash SHA-256(0x00 || bytes). Never throws for bad input: it becomes a
 * {@link LeafOutcome.Poison} with the leaf-v2 error code.
 */
public final class LeafV2 {
    public static final String SCHEME = "leaf-v2";
    public static final String TOMBSTONE = "tombstone";

    private LeafV2() {}

    /** A Redis Stream entry, fields in XRANGE order; {@code nullPlaceholder} is the sink's null key/value text. */
    public static LeafOutcome fromRedisEntry(List<Map.Entry<String, String>> fields, String nullPlaceholder) {
        try {
            return fromRaw(RedisEntryFormat.toRecord(fields, nullPlaceholder));
        } catch (DebeziumException e) {
            return new LeafOutcome.Poison(e.code(), e.detail());
        }
    }

    /** A Kafka-style record: key and value JSON text, null for a null key / value. */
    public static LeafOutcome fromRecord(String keyJson, String valueJson) {
        return fromRaw(new RawRecord(keyJson, valueJson));
    }

    /** The single pass for the plain schemaless record, else the full path (which decides every error). */
    private static LeafOutcome fromRaw(RawRecord raw) {
        if (raw.valueText() != null) {
            LeafOutcome.Leaf leaf = SchemalessLeaf.leaf(raw.keyText(), raw.valueText());
            if (leaf != null) {
                return leaf;
            }
        }
        return fullPath(raw);
    }

    /** Parse into a tree, decode, serialize: every record the single pass does not take, and its reference in tests. */
    static LeafOutcome fullPath(RawRecord raw) {
        try {
            return fromParsed(ChangeEventParser.parse(raw));
        } catch (DebeziumException e) {
            return new LeafOutcome.Poison(e.code(), e.detail());
        }
    }

    /** A record already parsed by {@link ChangeEventParser}; decoding errors still become poison. */
    public static LeafOutcome fromParsed(ParsedRecord record) {
        try {
            return switch (record) {
                case Tombstone t -> new LeafOutcome.NoLeaf(TOMBSTONE);
                case ChangeEvent e -> leaf(e);
            };
        } catch (DebeziumException e) {
            return new LeafOutcome.Poison(e.code(), e.detail());
        }
    }

    private static LeafOutcome.Leaf leaf(ChangeEvent event) {
        JsonValue key = key(event.key());
        JsonValue row = row(event);
        JsonObject document = JsonObject.builder()
                .put("table", new JsonString(event.source().fullTable()))
                .put("op", new JsonString(event.op().code()))
                .put("key", key)
                .put("row", row)
                .build();
        byte[] bytes = JcsWriter.bytes(document);
        return new LeafOutcome.Leaf(bytes, Rfc6962.leafHash(bytes), event.source().fullTable(), event.op().code(),
                event.source().db(), event.source().qualifiedTable(), JcsWriter.write(key), event.timestampMs());
    }

    private static JsonValue key(ConnectValue key) {
        if (key == null) {
            return JsonNull.INSTANCE;
        }
        return key.schema() != null ? TypedValues.decode(key.schema(), key.payload(), "key") : UntypedValues.convert(key.payload());
    }

    private static JsonValue row(ChangeEvent event) {
        String image = event.rowImageName();
        if (image == null) {
            return JsonNull.INSTANCE; // truncate: no row, the record is not looked at
        }
        JsonValue value = event.rowImage();
        if (event.valueSchema() == null) {
            return UntypedValues.convert(value);
        }
        if (!"struct".equals(event.valueSchema().string("type"))) {
            throw new DebeziumException(DebeziumError.SCHEMA_MISMATCH,
                    "value schema has type " + event.valueSchema().get("type") + ", expected a struct envelope");
        }
        JsonValue field = TypedValues.field(event.valueSchema(), image);
        if (field == null) {
            throw new DebeziumException(DebeziumError.SCHEMA_MISMATCH, "value schema has no field \"" + image + "\"");
        }
        return TypedValues.decode(field, value, image);
    }
}
