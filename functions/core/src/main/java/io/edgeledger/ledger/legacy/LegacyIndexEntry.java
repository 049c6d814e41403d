package io.edgeledger.ledger.legacy;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What EdgeLedger keeps of a legacy batch in its own bucket: where the batch lives (bucket and prefix; its data is
 * never copied), what it is (ids, counts, times, the etrap-v1 root recomputed at import) and the finding kinds the
 * import met. Enough to list it beside new batches and to find it again for verification.
 */
public record LegacyIndexEntry(String batchId, String sourceBucket, String s3Prefix, String database, String table, int leafCount,
        String root, Long firstTimestampMs, Long lastTimestampMs, Long createdAtMs, boolean intact, List<String> findingKinds,
        String indexedAt) {

    public static LegacyIndexEntry of(String sourceBucket, LegacyBatch batch, String indexedAt) {
        Long first = batch.transactions().stream().map(LegacyTransaction::timestampMs).min(Long::compare).orElse(null);
        Long last = batch.transactions().stream().map(LegacyTransaction::timestampMs).max(Long::compare).orElse(null);
        List<String> kinds = batch.findings().stream().map(f -> f.kind().name()).distinct().toList();
        return new LegacyIndexEntry(batch.batchId(), sourceBucket, batch.prefix(), batch.database(), batch.table(), batch.leafHashes().size(),
                batch.recomputedRoot(), first, last, batch.createdAtMs(), batch.intact(), kinds, indexedAt);
    }

    public JsonObject toJson() {
        List<JsonValue> kinds = new ArrayList<>();
        findingKinds.forEach(k -> kinds.add(new JsonString(k)));
        return JsonObject.builder().put("scheme", LegacyBatch.SCHEME).put("batch_id", batchId).put("source_bucket", sourceBucket)
                .put("s3_prefix", s3Prefix).put("database", database).put("table", table).put("leaf_count", leafCount)
                .put("root", root == null ? JsonNull.INSTANCE : new JsonString(root)).put("first_timestamp_ms", firstTimestampMs)
                .put("last_timestamp_ms", lastTimestampMs).put("created_at_ms", createdAtMs).put("intact", JsonValue.of(intact))
                .put("findings", new JsonArray(kinds)).put("indexed_at", indexedAt).build();
    }

    /** The entry back from its JSON; null when the object is not an index entry (reported by the caller). */
    public static LegacyIndexEntry fromJson(JsonObject o) {
        if (!LegacyBatch.SCHEME.equals(o.string("scheme")) || o.string("batch_id") == null || o.string("source_bucket") == null
                || o.string("s3_prefix") == null) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        if (o.get("findings") instanceof JsonArray a) {
            a.items().forEach(k -> kinds.add(k instanceof JsonString s ? s.value() : String.valueOf(k)));
        }
        Long leaves = LegacyBatchReader.number(o.get("leaf_count"));
        return new LegacyIndexEntry(o.string("batch_id"), o.string("source_bucket"), o.string("s3_prefix"), o.string("database"),
                o.string("table"), leaves == null ? 0 : leaves.intValue(), o.string("root"), LegacyBatchReader.number(o.get("first_timestamp_ms")),
                LegacyBatchReader.number(o.get("last_timestamp_ms")), LegacyBatchReader.number(o.get("created_at_ms")),
                !(o.get("intact") instanceof io.edgeledger.json.JsonBoolean b) || b.value(), kinds, o.string("indexed_at"));
    }
}
