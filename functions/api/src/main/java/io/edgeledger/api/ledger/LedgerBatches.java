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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    public LedgerBatches(S3Client s3, ApiConfig config) {
        this.store = new S3LedgerStore(s3, config.s3().ledgerBucket());
    }

    /** Prefixes of complete batches under {@code <database>/} or {@code <database>/<table>/}. */
    public List<String> prefixes(String database, String table) {
        String keyPrefix = database == null ? "" : table == null ? database + "/" : database + "/" + table + "/";
        try {
            return store.batchPrefixes(keyPrefix);
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

    public List<Manifest> manifests(String database, String table) {
        List<Manifest> manifests = new ArrayList<>();
        for (String prefix : prefixes(database, table)) {
            try {
                store.manifest(prefix).ifPresent(manifests::add);
            } catch (BatchFormatException e) {
                // listed but unreadable: shown by GET /v1/ledger/batches/{id} and verify, not hidden silently there
            } catch (LedgerStoreException | SdkException e) {
                throw unavailable("read " + prefix + "manifest.json", e);
            }
        }
        return manifests;
    }

    private static ApiException unavailable(String what, RuntimeException e) {
        return ApiException.unavailable("storage_unavailable", "could not " + what + " (" + e.getMessage()
                + "); the ledger storage is unreachable, so nothing is judged: retry later");
    }
}
