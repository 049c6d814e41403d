package io.edgeledger.api.ledger;

import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.ledger.legacy.LegacyBatch;
import io.edgeledger.ledger.legacy.LegacyBatchReader;
import io.edgeledger.ledger.legacy.LegacyIndex;
import io.edgeledger.ledger.legacy.LegacyIndexEntry;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Batches the original ETRAP agent wrote, as {@code ledger import-etrap} indexed them into the ledger bucket, and
 * read in place from their own bucket (same S3 client and credentials). Kept apart from {@link LedgerBatches} so the
 * listing of new batches can change without touching this. Storage that cannot be read is 503, as there.
 */
@ApplicationScoped
public class LegacyBatches {
    private final S3Client s3;
    private final LegacyIndex index;

    public LegacyBatches(S3Client s3, ApiConfig config) {
        this.s3 = s3;
        this.index = new LegacyIndex(new S3LedgerStore(s3, config.s3().ledgerBucket()));
    }

    /** Index entries matching the filters (database, table: as the agent named them; null = any). */
    public List<LegacyIndexEntry> entries(String batchId, String database, String table, String sourceBucket) {
        List<LegacyIndexEntry> out = new ArrayList<>();
        try {
            for (LegacyIndex.Read read : index.entries()) {
                if (read instanceof LegacyIndex.Entry(LegacyIndexEntry e) && (batchId == null || batchId.equals(e.batchId()))
                        && (database == null || database.equals(e.database())) && sameTable(table, e.table())
                        && (sourceBucket == null || sourceBucket.equals(e.sourceBucket()))) {
                    out.add(e);
                }
            }
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read the legacy index", e);
        }
        return out;
    }

    /** The agent named tables without their schema: {@code public.orders} (as new batches name it) matches its {@code orders}. */
    private static boolean sameTable(String wanted, String legacy) {
        return wanted == null || wanted.equals(legacy) || wanted.endsWith("." + legacy);
    }

    /** One page of the listing: rows as {@link #summary}, and the position of the last (the next page starts after it). */
    public record Page(List<Map<String, Object>> rows, String lastPosition) {}

    /**
     * Up to {@code limit} legacy batches after position {@code after} (null: the first) whose first change lies in
     * [from, to], oldest first as the whole listing is, each saying its scheme. The index is sorted in S3 key order, so a
     * page reads the listing keys from {@code after} on and one small object per row, never the whole index.
     * {@code LedgerResource.list} is the one place they meet the new batches.
     */
    public Page page(String database, String table, Instant from, Instant to, String after, int limit) {
        try {
            LegacyIndex.Page page = index.page(new LegacyIndex.Filter(database, table, from.toEpochMilli(), to.toEpochMilli()), after, limit);
            return new Page(page.entries().stream().map(LegacyBatches::summary).toList(), page.lastPosition());
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read the legacy index", e);
        }
    }

    /** The legacy tables, as {@code {database, table}}, for the table picker beside the new ones (folder listings only). */
    public List<Map<String, String>> tables() {
        try {
            return index.tables().stream().map(t -> Map.of("database", t.get(0), "table", t.get(1))).toList();
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read the legacy index", e);
        }
    }

    public LegacyBatch read(LegacyIndexEntry entry) {
        try {
            return LegacyBatchReader.read(new S3LedgerStore(s3, entry.sourceBucket()), entry.s3Prefix());
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read the legacy batch s3://" + entry.sourceBucket() + "/" + entry.s3Prefix(), e);
        }
    }

    private static Map<String, Object> summary(LegacyIndexEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("batch_id", e.batchId());
        view.put("database", e.database());
        view.put("table", e.table());
        view.put("scheme", LegacyBatch.SCHEME);
        view.put("leaf_scheme", LegacyBatch.SCHEME);
        view.put("root", e.root());
        view.put("leaf_count", e.leafCount());
        view.put("entry_count", e.leafCount());
        view.put("first_timestamp", e.firstTimestampMs() == null ? null : Instant.ofEpochMilli(e.firstTimestampMs()).toString());
        view.put("last_timestamp", e.lastTimestampMs() == null ? null : Instant.ofEpochMilli(e.lastTimestampMs()).toString());
        view.put("sealed_at", e.createdAtMs() == null ? null : Instant.ofEpochMilli(e.createdAtMs()).toString());
        view.put("s3_prefix", e.s3Prefix());
        view.put("s3_bucket", e.sourceBucket());
        view.put("mint_status", null); // the agent minted before it stored; the chain is asked at verification
        view.put("tx_hash", null);
        view.put("legacy", true);
        view.put("intact", e.intact());
        view.put("findings", e.findingKinds());
        return view;
    }

    private static ApiException unavailable(String what, RuntimeException e) {
        return ApiException.unavailable("storage_unavailable", "could not " + what + " (" + e.getMessage()
                + "); the storage is unreachable, so nothing is judged: retry later");
    }
}
