package io.edgeledger.near.notary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notary contract's BatchSummary (all fields required). {@code s3Key} is the batch's S3 prefix
 * {@code <db>/<table>/<batch_id>/}; {@code timestamp} is ms; txCount and the counts are u32.
 */
public record BatchSummary(String databaseName, List<String> tableNames, long timestamp, long txCount, String merkleRoot,
                           String s3Bucket, String s3Key, long sizeBytes, OperationCounts operationCounts) {

    public BatchSummary {
        tableNames = List.copyOf(tableNames);
        requireU32(txCount, "tx_count");
        if (timestamp < 0 || sizeBytes < 0) {
            throw new IllegalArgumentException("timestamp and size_bytes must not be negative");
        }
    }

    public record OperationCounts(long inserts, long updates, long deletes) {
        public OperationCounts {
            requireU32(inserts, "inserts");
            requireU32(updates, "updates");
            requireU32(deletes, "deletes");
        }

        Map<String, Object> toArgs() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inserts", inserts);
            m.put("updates", updates);
            m.put("deletes", deletes);
            return m;
        }
    }

    /** In the contract's field order. */
    public Map<String, Object> toArgs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database_name", databaseName);
        m.put("table_names", tableNames);
        m.put("timestamp", timestamp);
        m.put("tx_count", txCount);
        m.put("merkle_root", merkleRoot);
        m.put("s3_bucket", s3Bucket);
        m.put("s3_key", s3Key);
        m.put("size_bytes", sizeBytes);
        m.put("operation_counts", operationCounts.toArgs());
        return m;
    }

    static void requireU32(long value, String name) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(name + " must fit a u32, got " + value);
        }
    }
}
