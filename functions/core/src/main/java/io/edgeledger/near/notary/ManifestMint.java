package io.edgeledger.near.notary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.OperationCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code mint_batch} request for a batch from its {@code manifest.json} (docs/ledger-manifest.md):
 * token id = batch id; summary from root, counts, S3 location; metadata points at batch-data.json and pins
 * its SHA-256 in {@code reference_hash}. Pure function of the manifest, so a retried run sends the same args.
 */
public final class ManifestMint {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private ManifestMint() {}

    public static MintRequest fromFile(Path manifest, String receiverId) {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read manifest " + manifest + ": " + e.getMessage());
        }
        try {
            return fromManifest(node, receiverId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("manifest " + manifest + ": " + e.getMessage());
        }
    }

    public static MintRequest fromManifest(JsonNode m, String receiverId) {
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode counts = m.get("operation_counts");
        String batchId = text(m, "batch_id");
        String database = text(m, "database");
        String table = text(m, "table");
        long leafCount = number(m, "leaf_count");
        if (counts == null || !counts.isObject()) {
            throw new IllegalArgumentException("operation_counts is missing");
        }
        BatchSummary summary = new BatchSummary(database, List.of(table), number(m, "first_timestamp_ms"), leafCount,
                text(m, "root"), text(m, "s3_bucket"), text(m, "s3_prefix"), number(m, "size_bytes"),
                new BatchSummary.OperationCounts(number(counts, "inserts"), number(counts, "updates"), number(counts, "deletes")));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("scheme", m.path("scheme").asText(null));
        extra.put("leaf_scheme", m.path("leaf_scheme").asText(null));
        extra.put("stream", m.path("stream").asText(null));
        extra.put("first_entry_id", m.path("first_entry_id").asText(null));
        extra.put("last_entry_id", m.path("last_entry_id").asText(null));
        extra.put("entry_count", m.has("entry_count") ? number(m, "entry_count") : null);
        return request(batchId, receiverId, summary, m.path("objects").path("batch-data.json").asText(null),
                m.hasNonNull("sealed_at") ? m.get("sealed_at").asText() : null, extra, m.path("mint").path("tx_hash").asText(null));
    }

    /** The same request from the typed manifest, as the minter holds it after reading the batch. */
    public static MintRequest fromManifest(Manifest m, String receiverId) {
        if (m.firstTimestampMs() == null) {
            throw new IllegalArgumentException("first_timestamp_ms is missing or not a non-negative integer");
        }
        OperationCounts c = m.operationCounts();
        BatchSummary summary = new BatchSummary(m.database(), List.of(m.table()), m.firstTimestampMs(), m.leafCount(), m.root(),
                m.s3Bucket(), m.s3Prefix(), m.sizeBytes(), new BatchSummary.OperationCounts(c.inserts(), c.updates(), c.deletes()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("scheme", m.scheme());
        extra.put("leaf_scheme", m.leafScheme());
        extra.put("stream", m.stream());
        extra.put("first_entry_id", m.firstEntryId());
        extra.put("last_entry_id", m.lastEntryId());
        extra.put("entry_count", m.entryCount());
        return request(m.batchId(), receiverId, summary, m.objects().get("batch-data.json"), m.sealedAt(), extra,
                m.mint() == null ? null : m.mint().txHash());
    }

    private static MintRequest request(String batchId, String receiverId, BatchSummary summary, String dataSha, String sealedAt,
            Map<String, Object> extra, String knownTx) {
        String referenceHash = null;
        if (dataSha != null && dataSha.matches("[0-9a-fA-F]{64}")) {
            referenceHash = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(dataSha));
        }
        long issued = sealedAt != null ? parseInstant(sealedAt) : summary.timestamp();
        extra.values().removeIf(java.util.Objects::isNull);
        TokenMetadata metadata = new TokenMetadata(
                "EdgeLedger batch " + batchId,
                "Integrity certificate for " + summary.txCount() + " changes from " + summary.databaseName() + "." + summary.tableNames().get(0),
                null, null, 1L, Long.toString(issued), null, null, null,
                ArgsJson.write(extra, ArgsJson.Style.COMPACT, true),
                "s3://" + summary.s3Bucket() + "/" + summary.s3Key() + "batch-data.json",
                referenceHash);
        return new MintRequest(new MintBatchArgs(batchId, receiverId, metadata, summary), knownTx);
    }

    private static long parseInstant(String iso) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("sealed_at is not an ISO-8601 instant: " + iso);
        }
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return v.asText();
    }

    private static long number(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || !v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().bitLength() > 63) {
            throw new IllegalArgumentException(field + " is missing or not a non-negative integer");
        }
        return v.longValue();
    }
}
