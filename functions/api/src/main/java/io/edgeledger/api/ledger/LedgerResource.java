package io.edgeledger.api.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.params.TimeParam;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.BatchFormatException;
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
import java.util.Comparator;
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

    /** {@code GET /v1/ledger/batches?database=&table=&from=&to=}: newest first; from/to filter on the batch's first change. */
    @GET
    @Path("/batches")
    public Map<String, Object> list(@QueryParam("database") String database, @QueryParam("table") String table,
            @QueryParam("from") String fromParam, @QueryParam("to") String toParam, @QueryParam("limit") String limitParam) {
        if (table != null && database == null) {
            throw ApiException.badRequest("invalid_parameter", "table needs database too (tables are named per database, e.g. database=etrapdb&table=public.orders)");
        }
        Instant from = TimeParam.parse("from", fromParam, Instant.EPOCH);
        Instant to = TimeParam.parse("to", toParam, Instant.parse("9999-12-31T00:00:00Z"));
        int limit = TimeParam.limit(limitParam, 100, 1000);
        List<Map<String, Object>> list = batches.manifests(database, table).stream()
                .filter(m -> m.firstTimestampMs() == null
                        || (m.firstTimestampMs() >= from.toEpochMilli() && m.firstTimestampMs() <= to.toEpochMilli()))
                .sorted(Comparator.comparing((Manifest m) -> m.firstTimestampMs() == null ? 0L : m.firstTimestampMs()).reversed())
                .limit(limit)
                .map(BatchView::summary)
                .toList();
        return Map.of("batches", legacyBatches.mergeInto(list, database, table, from, to, limit)); // legacy (etrap-v1) batches beside new ones
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
        int offset = offset(offsetParam);
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

    private static int offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("invalid_parameter", "offset must be a whole number from 0, got '" + value + "'");
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
