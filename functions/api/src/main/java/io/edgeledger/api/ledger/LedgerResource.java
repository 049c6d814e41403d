package io.edgeledger.api.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.params.TimeParam;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.BatchFormatException;
import io.edgeledger.ledger.legacy.LegacyIndex;
import io.edgeledger.ledger.store.StoredLeaf;
import io.edgeledger.ledger.store.VerifiedBatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class LedgerResource {
    private final LedgerBatches batches;
    private final LedgerVerifier verifier;
    private final ObjectMapper json;
    private final LegacyBatches legacyBatches;
    private final LegacyLedgerVerifier legacyVerifier;

    public LedgerResource(LedgerBatches batches, LedgerVerifier verifier, ObjectMapper json, LegacyBatches legacyBatches,
            LegacyLedgerVerifier legacyVerifier) {
        this.batches = batches;
        this.verifier = verifier;
        this.json = json;
        this.legacyBatches = legacyBatches;
        this.legacyVerifier = legacyVerifier;
    }

    /**
     * {@code GET /v1/ledger/batches?database=&table=&from=&to=&limit=&cursor=}: one page of batches, legacy (etrap-v1)
     * ones first, oldest first, then new ones in storage order (database, table, then batch id, which starts with the
     * seal date); from/to filter on the batch's first change; each row says its scheme.
     * {@code next_cursor} (null on the last page) is passed back as {@code cursor} for the next page.
     */
    @GET
    @Path("/batches")
    public Map<String, Object> list(@QueryParam("database") String database, @QueryParam("table") String table,
            @QueryParam("from") String fromParam, @QueryParam("to") String toParam, @QueryParam("limit") String limitParam,
            @QueryParam("cursor") String cursorParam) {
        if (table != null && database == null) {
            throw ApiException.badRequest("invalid_parameter", "table needs database too (tables are named per database, e.g. database=etrapdb&table=public.orders)");
        }
        Instant from = TimeParam.parse("from", fromParam, Instant.EPOCH);
        Instant to = TimeParam.parse("to", toParam, Instant.parse("9999-12-31T00:00:00Z"));
        int limit = TimeParam.limit(limitParam, 100, 1000);
        String keyPrefix = LedgerBatches.keyPrefix(database, table);
        // Legacy (etrap-v1) batches come first: they predate every new batch. Their cursor is "legacy:<position>" (the
        // last row's place in the sorted legacy index); once they are exhausted the page fills up with new batches,
        // whose cursor is a batch prefix.
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = cursorParam;
        if (cursor == null || cursor.isEmpty() || cursor.startsWith(LEGACY_CURSOR)) {
            LegacyBatches.Page legacy = legacyBatches.page(database, table, from, to, legacyPosition(cursor), limit);
            rows.addAll(legacy.rows());
            if (rows.size() == limit) {
                return page(rows, LEGACY_CURSOR + legacy.lastPosition());
            }
            cursor = null;
        } else {
            cursor = cursor(cursor, keyPrefix);
        }
        BatchPage page = batches.page(keyPrefix, cursor, limit - rows.size(), m -> m.firstTimestampMs() == null
                || (m.firstTimestampMs() >= from.toEpochMilli() && m.firstTimestampMs() <= to.toEpochMilli()));
        page.manifests().stream().map(BatchView::summary).forEach(rows::add);
        return page(rows, page.nextCursor());
    }

    private static final String LEGACY_CURSOR = "legacy:";

    private static Map<String, Object> page(List<Map<String, Object>> rows, String nextCursor) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batches", rows);
        answer.put("next_cursor", nextCursor);
        return answer;
    }

    /** The legacy position a "legacy:" cursor carries, null for none; anything this listing never handed out is 400. */
    private static String legacyPosition(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String position = cursor.substring(LEGACY_CURSOR.length());
        if (!LegacyIndex.isPosition(position)) {
            throw invalidCursor(cursor);
        }
        return position;
    }

    private static ApiException invalidCursor(String cursor) {
        return ApiException.badRequest("invalid_cursor", "cursor '" + cursor + "' is not a next_cursor of this listing"
                + " (pass back next_cursor unchanged, with the same database and table)");
    }

    /** {@code GET /v1/ledger/tables}: the tables that have batches, as {@code {database, table}}, to pick a listing from. */
    @GET
    @Path("/tables")
    public Map<String, Object> tables() {
        List<Map<String, String>> tables = new ArrayList<>(legacyBatches.tables());
        batches.tables().stream().map(t -> {
            int slash = t.indexOf('/');
            return Map.of("database", t.substring(0, slash), "table", t.substring(slash + 1));
        }).filter(t -> !tables.contains(t)).forEach(tables::add);
        return Map.of("tables", tables);
    }

    /** A cursor is a batch prefix this listing handed out: under the same database/table, ending in '/'. */
    private static String cursor(String value, String keyPrefix) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.startsWith(keyPrefix) || !value.endsWith("/") || value.length() > 1024) {
            throw invalidCursor(value);
        }
        return value;
    }

    /** {@code GET /v1/ledger/batches/{id}}: the manifest as stored, plus whether the S3 objects still match it. */
    @GET
    @Path("/batches/{id}")
    public Map<String, Object> show(@PathParam("id") String batchId) throws java.io.IOException {
        String prefix = batches.prefixOf(batchId).orElseThrow(() -> ApiException.notFound("batch_not_found",
                "no batch '" + batchId + "' in the ledger bucket; list them with GET /v1/ledger/batches"));
        Manifest manifest = batches.manifest(prefix).orElseThrow(() -> ApiException.notFound("batch_not_found", "batch '" + batchId + "' has no manifest"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("manifest", json.readTree(ManifestJson.write(manifest)));
        try {
            VerifiedBatch verified = batches.readBatch(prefix);
            answer.put("s3_consistent", true);
            answer.put("leaf_count", verified.leaves().size());
        } catch (BatchFormatException e) {
            answer.put("s3_consistent", false);
            answer.put("problem", e.getMessage());
        }
        return answer;
    }

    /**
     * {@code GET /v1/ledger/batches/{id}/leaves?offset=&limit=}: the batch's rows as leaf-v2 documents (what verify
     * takes), read back from S3 and checked against the manifest first; 409 {@code batch_inconsistent} when they do not match.
     */
    @GET
    @Path("/batches/{id}/leaves")
    public Map<String, Object> leaves(@PathParam("id") String batchId, @QueryParam("offset") String offsetParam,
            @QueryParam("limit") String limitParam) throws java.io.IOException {
        String prefix = batches.prefixOf(batchId).orElseThrow(() -> ApiException.notFound("batch_not_found",
                "no batch '" + batchId + "' in the ledger bucket; list them with GET /v1/ledger/batches"));
        int offset = TimeParam.offset(offsetParam);
        int limit = TimeParam.limit(limitParam, 50, 1000);
        VerifiedBatch verified;
        try {
            verified = batches.readBatch(prefix);
        } catch (BatchFormatException e) {
            throw ApiException.conflict("batch_inconsistent", "batch '" + batchId + "' no longer matches its manifest: " + e.getMessage());
        }
        List<Map<String, Object>> leaves = new java.util.ArrayList<>();
        for (StoredLeaf leaf : verified.leaves().stream().skip(offset).limit(limit).toList()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("index", leaf.index());
            view.put("leaf_hash", leaf.hashHex());
            view.put("leaf", json.readTree(leaf.bytes()));
            leaves.add(view);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batch_id", batchId);
        answer.put("leaf_count", verified.leaves().size());
        answer.put("offset", offset);
        answer.put("leaves", leaves);
        return answer;
    }

    /** {@code POST /v1/ledger/verify}: inclusion, proof, root, and the NEAR token and transaction, checked on chain. */
    @POST
    @Path("/verify")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> verify(byte[] body) {
        byte[] request = body == null ? new byte[0] : body;
        return LegacyVerifyRequest.parseIfLegacy(request).map(legacyVerifier::verify).orElseGet(() -> verifier.verify(VerifyRequest.parse(request)));
    }
}
