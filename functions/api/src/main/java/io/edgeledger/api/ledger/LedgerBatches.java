package io.edgeledger.api.ledger;

import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.ledger.batch.BatchFormatException;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.ledger.store.VerifiedBatch;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import io.edgeledger.ledger.legacy.LegacyIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import io.edgeledger.ledger.batch.BatchObjects;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ledger bucket as the CDC batcher wrote it, read through the core {@link LedgerStore}. Storage that cannot be
 * read (S3 down, throttled, timing out) is 503 {@code storage_unavailable} here, always: only bytes that were read
 * and do not match may ever become a verdict.
 */
@ApplicationScoped
public class LedgerBatches {
    private final LedgerStore store;
    private final S3Client s3;
    private final String bucket;
    private final ManifestCache cache = new ManifestCache();

    public LedgerBatches(S3Client s3, ApiConfig config) {
        this.s3 = s3;
        this.bucket = config.s3().ledgerBucket();
        this.store = new S3LedgerStore(s3, bucket);
    }

    /** The key prefix of a database or table ("" for the whole bucket). */
    static String keyPrefix(String database, String table) {
        return database == null ? "" : table == null ? database + "/" : database + "/" + table + "/";
    }

    /**
     * Up to {@code limit} batches under {@code keyPrefix} after the batch prefix {@code cursor} (null: from the start)
     * that {@code wanted} accepts. S3 lists keys in order from the cursor, page by page, and stops as soon as the page is
     * full, so a page reads only its own manifests (and those it filtered out), never the whole bucket.
     */
    public BatchPage page(String keyPrefix, String cursor, int limit, Predicate<Manifest> wanted) {
        List<Manifest> manifests = new ArrayList<>();
        String lastExamined = cursor;
        // "~" sorts after every object name of a batch (all lower case), so listing resumes at the next batch
        String after = cursor == null ? null : cursor + "~";
        try {
            // each request starts after the last key seen, so no server continuation state is involved; a page of keys
            // that is empty ends the listing whatever the server says
            while (true) {
                String startAfter = after;
                ListObjectsV2Response keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix(keyPrefix).startAfter(startAfter));
                for (S3Object object : keys.contents()) {
                    String key = object.key();
                    after = key;
                    if (!key.endsWith("/" + BatchObjects.MANIFEST)) {
                        continue;
                    }
                    String prefix = key.substring(0, key.length() - BatchObjects.MANIFEST.length());
                    if (manifests.size() == limit) {
                        return new BatchPage(manifests, lastExamined);
                    }
                    listed(prefix).filter(wanted).ifPresent(manifests::add);
                    lastExamined = prefix;
                }
                if (!Boolean.TRUE.equals(keys.isTruncated()) || keys.contents().isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw unavailable("list the ledger bucket", e);
        }
        return new BatchPage(manifests, null);
    }

    /** Every {@code <database>/<table>} that has objects, from key listings alone (no object is read). */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        try {
            for (String database : childPrefixes("")) {
                if (database.equals(LegacyIndex.ROOT.substring(0, LegacyIndex.ROOT.indexOf('/') + 1))) {
                    continue; // the legacy index (ledger import-etrap), listed by LegacyBatches
                }
                for (String table : childPrefixes(database)) {
                    tables.add(table.substring(0, table.length() - 1));
                }
            }
        } catch (SdkException e) {
            throw unavailable("list the ledger bucket", e);
        }
        return tables;
    }

    private List<String> childPrefixes(String prefix) {
        List<String> children = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes().forEach(p -> children.add(p.prefix()));
        return children;
    }

    /** A listed batch's manifest, from the cache when minted; unreadable ones are left out of listings (show and verify report them). */
    private Optional<Manifest> listed(String prefix) {
        Optional<Manifest> cached = cache.get(prefix);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            Optional<Manifest> read = store.manifest(prefix);
            read.ifPresent(m -> cache.offer(prefix, m));
            return read;
        } catch (BatchFormatException e) {
            return Optional.empty();
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read " + prefix + "manifest.json", e);
        }
    }

    /** Prefixes of complete batches under {@code <database>/} or {@code <database>/<table>/}. */
    public List<String> prefixes(String database, String table) {
        try {
            return store.batchPrefixes(keyPrefix(database, table));
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("list the ledger bucket", e);
        }
    }

    /** The prefix of a batch by id (the batch id is the last path segment of its prefix). */
    public Optional<String> prefixOf(String batchId) {
        for (String prefix : prefixes(null, null)) {
            if (prefix.endsWith("/" + batchId + "/")) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    public Optional<Manifest> manifest(String prefix) {
        try {
            return store.manifest(prefix);
        } catch (BatchFormatException e) {
            throw new ApiException(409, "manifest_unreadable", "the manifest under " + prefix + " cannot be read: " + e.getMessage());
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read " + prefix + "manifest.json", e);
        }
    }

    /**
     * The batch read back and checked against its manifest. A {@link BatchFormatException} (bytes read that do not
     * match) is the caller's to judge; a failure to read is 503.
     */
    public VerifiedBatch readBatch(String prefix) {
        try {
            return store.readBatch(prefix);
        } catch (LedgerStoreException | SdkException e) {
            throw unavailable("read the batch under " + prefix, e);
        }
    }

    private static ApiException unavailable(String what, RuntimeException e) {
        return ApiException.unavailable("storage_unavailable", "could not " + what + " (" + e.getMessage()
                + "); the ledger storage is unreachable, so nothing is judged: retry later");
    }
}
