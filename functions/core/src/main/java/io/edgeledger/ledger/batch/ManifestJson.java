package io.edgeledger.ledger.batch;

import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import java.util.Map;
import java.util.TreeMap;

/** manifest.json (snake_case, docs/ledger-manifest.md) to and from {@link Manifest}. */
public final class ManifestJson {
    private ManifestJson() {}

    public static byte[] write(Manifest m) {
        return JcsWriter.bytes(toJson(m));
    }

    public static JsonObject toJson(Manifest m) {
        JsonObject.Builder objects = JsonObject.builder();
        new TreeMap<>(m.objects()).forEach(objects::put);
        OperationCounts c = m.operationCounts();
        Mint mint = m.mint();
        return JsonObject.builder()
                .put("batch_id", m.batchId())
                .put("scheme", m.scheme())
                .put("leaf_scheme", m.leafScheme())
                .put("database", m.database())
                .put("table", m.table())
                .put("stream", m.stream())
                .put("first_entry_id", m.firstEntryId())
                .put("last_entry_id", m.lastEntryId())
                .put("root", m.root())
                .put("leaf_count", m.leafCount())
                .put("entry_count", m.entryCount())
                .put("operation_counts", JsonObject.builder()
                        .put("inserts", c.inserts()).put("updates", c.updates()).put("deletes", c.deletes())
                        .put("snapshots", c.snapshots()).put("truncates", c.truncates()).build())
                .put("first_timestamp_ms", m.firstTimestampMs())
                .put("last_timestamp_ms", m.lastTimestampMs())
                .put("sealed_at", m.sealedAt())
                .put("size_bytes", m.sizeBytes())
                .put("s3_bucket", m.s3Bucket())
                .put("s3_prefix", m.s3Prefix())
                .put("objects", objects.build())
                .put("mint", JsonObject.builder()
                        .put("status", mint.status())
                        .put("network", mint.network())
                        .put("contract", mint.contract())
                        .put("token_id", mint.tokenId())
                        .put("tx_hash", mint.txHash())
                        .put("block_hash", mint.blockHash())
                        .put("block_height", mint.blockHeight())
                        .put("minted_at", mint.mintedAt())
                        .build())
                .build();
    }

    public static Manifest parse(byte[] bytes) {
        JsonFields f = JsonFields.parse(bytes, "manifest.json");
        JsonFields c = f.child("operation_counts");
        JsonFields mint = f.child("mint");
        Map<String, String> objects = new TreeMap<>();
        for (Map.Entry<String, JsonValue> e : f.child("objects").object().members().entrySet()) {
            if (!(e.getValue() instanceof JsonString s)) {
                throw new BatchFormatException("manifest.json: objects." + e.getKey() + " must be a SHA-256 hex string");
            }
            objects.put(e.getKey(), s.value());
        }
        return new Manifest(f.string("batch_id"), f.string("scheme"), f.string("leaf_scheme"), f.string("database"),
                f.string("table"), f.string("stream"), f.string("first_entry_id"), f.string("last_entry_id"), f.string("root"),
                f.number("leaf_count"), f.number("entry_count"),
                new OperationCounts(c.number("inserts"), c.number("updates"), c.number("deletes"),
                        orZero(c.optNumber("snapshots")), orZero(c.optNumber("truncates"))),
                f.optNumber("first_timestamp_ms"), f.optNumber("last_timestamp_ms"), f.optString("sealed_at"),
                f.number("size_bytes"), f.string("s3_bucket"), f.string("s3_prefix"), objects,
                new Mint(mint.string("status"), mint.optString("network"), mint.optString("contract"), mint.optString("token_id"),
                        mint.optString("tx_hash"), mint.optString("block_hash"), mint.optNumber("block_height"), mint.optString("minted_at")));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
