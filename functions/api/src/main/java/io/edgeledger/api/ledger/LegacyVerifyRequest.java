package io.edgeledger.api.ledger;

import io.edgeledger.api.errors.ApiException;
import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.legacy.LegacyBatch;
import io.edgeledger.ledger.legacy.LegacyLeaves;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /v1/ledger/verify} with {@code "scheme": "etrap-v1"}: exactly one of {@code row} (the row as the change
 * event carried it), {@code event} (the Debezium event, optionally with {@code key}) or {@code leaf_hash}; optionally
 * {@code batch_id}, {@code database}, {@code table}, {@code s3_bucket} (the legacy bucket, when a batch id is in several). Rows are re-serialised without losing a digit (strict parser).
 */
record LegacyVerifyRequest(LegacyLeaves.Candidates leaf, String batchId, String database, String table, String s3Bucket) {

    /** The legacy request in {@code body}, or empty when the body is not one (the rfc6962 request parser judges it). */
    static Optional<LegacyVerifyRequest> parseIfLegacy(byte[] body) {
        JsonValue parsed;
        try {
            parsed = StrictJsonParser.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            return Optional.empty();
        }
        if (!(parsed instanceof JsonObject request) || !LegacyBatch.SCHEME.equals(request.string("scheme"))) {
            return Optional.empty();
        }
        return Optional.of(parse(request));
    }

    private static LegacyVerifyRequest parse(JsonObject request) {
        JsonValue row = present(request.get("row"));
        JsonValue event = present(request.get("event"));
        JsonValue hash = present(request.get("leaf_hash"));
        int given = (row == null ? 0 : 1) + (event == null ? 0 : 1) + (hash == null ? 0 : 1);
        if (given != 1) {
            throw ApiException.badRequest("invalid_request", "with scheme etrap-v1 give exactly one of 'row' (the row object), "
                    + "'event' (the Debezium change event) or 'leaf_hash'");
        }
        LegacyLeaves.Candidates leaf;
        try {
            if (row != null) {
                if (!(row instanceof JsonObject)) {
                    throw ApiException.badRequest("invalid_request", "'row' must be the row as a JSON object");
                }
                leaf = LegacyLeaves.ofRow(CompactJsonWriter.write(row));
            } else if (event != null) {
                if (!(event instanceof JsonObject)) {
                    throw ApiException.badRequest("invalid_request", "'event' must be the Debezium change event as a JSON object");
                }
                JsonValue key = present(request.get("key"));
                leaf = LegacyLeaves.ofDebeziumEvent(CompactJsonWriter.write(event), key == null ? null : CompactJsonWriter.write(key));
            } else if (hash instanceof JsonString s && s.value().matches("[0-9a-fA-F]{64}")) {
                leaf = LegacyLeaves.Candidates.ofHash(s.value());
            } else {
                throw ApiException.badRequest("invalid_request", "leaf_hash must be 64 hex characters (the etrap-v1 leaf: SHA-256 of the canonical row)");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage());
        }
        return new LegacyVerifyRequest(leaf, text(request, "batch_id"), text(request, "database"), text(request, "table"), text(request, "s3_bucket"));
    }

    private static JsonValue present(JsonValue v) {
        return v == null || v instanceof JsonNull ? null : v;
    }

    private static String text(JsonObject object, String field) {
        JsonValue value = present(object.get(field));
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s) || s.value().isEmpty()) {
            throw ApiException.badRequest("invalid_request", field + " must be a non-empty string");
        }
        return s.value();
    }
}
