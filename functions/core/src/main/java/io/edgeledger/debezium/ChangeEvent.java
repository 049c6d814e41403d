package io.edgeledger.debezium;

import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonValue;

/**
 * One Debezium data change event. {@code before}/{@code after} are the raw row images (JSON null when
 * absent) and {@code valueSchema} the Connect schema of the envelope (null without schemas). {@code key}
 * is null for a record without key. {@code tsMs} is the envelope's processing time, null when absent.
 */
public record ChangeEvent(Op op, Source source, JsonValue before, JsonValue after, Long tsMs, ConnectValue key,
        JsonObject valueSchema, JsonObject envelope) implements ParsedRecord {

    /** The image that describes the row after this change: after for c/u/r, before for d, nothing for t. */
    public JsonValue rowImage() {
        return switch (op) {
            case CREATE, UPDATE, READ -> after;
            case DELETE -> before;
            case TRUNCATE -> JsonNull.INSTANCE;
        };
    }

    /** The envelope member the row image comes from ("after" / "before"), null for truncate. */
    public String rowImageName() {
        return switch (op) {
            case CREATE, UPDATE, READ -> "after";
            case DELETE -> "before";
            case TRUNCATE -> null;
        };
    }

    /** Best time of the change: the database commit time (source.ts_ms), else the envelope ts_ms, else null. */
    public Long timestampMs() {
        return source.tsMs() != null ? source.tsMs() : tsMs;
    }
}
