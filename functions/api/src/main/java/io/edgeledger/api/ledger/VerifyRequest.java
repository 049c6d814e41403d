package io.edgeledger.api.ledger;

import io.edgeledger.api.errors.ApiException;
import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Rfc6962;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /v1/ledger/verify}: {@code {"leaf": {table, op, key, row}}} (the leaf-v2 document of a row) or
 * {@code {"leaf_hash": "<64 hex>"}}, optionally with {@code batch_id}, {@code database}, {@code table}. Parsed with the
 * ledger's strict JSON parser, not Jackson, so numbers keep their exact text and the leaf hashes as the batcher did.
 */
record VerifyRequest(String leafHash, String batchId, String database, String table) {

    static VerifyRequest parse(byte[] body) {
        JsonValue parsed;
        try {
            parsed = StrictJsonParser.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw ApiException.badRequest("invalid_json", "the body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof JsonObject request)) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object with 'leaf' or 'leaf_hash'");
        }
        JsonValue leaf = request.get("leaf");
        String hash = text(request, "leaf_hash");
        if ((leaf == null) == (hash == null)) {
            throw ApiException.badRequest("invalid_request", "give exactly one of 'leaf' (the leaf-v2 document {table, op, key, row}) or 'leaf_hash'");
        }
        if (leaf != null) {
            if (!(leaf instanceof JsonObject doc) || doc.get("table") == null || doc.get("op") == null) {
                throw ApiException.badRequest("invalid_request", "'leaf' must be the leaf-v2 document {\"table\", \"op\", \"key\", \"row\"}");
            }
            hash = Hex.of(Rfc6962.leafHash(JcsWriter.bytes(leaf)));
        } else if (!hash.matches("[0-9a-fA-F]{64}")) {
            throw ApiException.badRequest("invalid_request", "leaf_hash must be 64 hex characters (SHA-256 of 0x00 || leaf bytes)");
        }
        return new VerifyRequest(hash.toLowerCase(), text(request, "batch_id"), text(request, "database"), text(request, "table"));
    }

    private static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value instanceof io.edgeledger.json.JsonNull) {
            return null;
        }
        if (!(value instanceof JsonString s) || s.value().isEmpty()) {
            throw ApiException.badRequest("invalid_request", field + " must be a non-empty string");
        }
        return s.value();
    }
}
