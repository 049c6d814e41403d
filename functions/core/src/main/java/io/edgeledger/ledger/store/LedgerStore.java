package io.edgeledger.ledger.store;

import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import java.util.List;
import java.util.Optional;

/**
 * Where sealed batches live: an object store (S3 in production and locally via s3proxy). The three
 * object operations are the seam; batch semantics (write + read back + verify, manifest last) are
 * shared default methods, so every backend gives the same durability guarantee.
 */
public interface LedgerStore {

    /** The bucket (or equivalent) name recorded in manifests. */
    String bucket();

    /** Stores an object; durable when it returns. */
    void put(String key, byte[] bytes);

    /** The object's bytes, or empty when there is no such key. */
    Optional<byte[]> get(String key);

    /** Every key starting with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /**
     * Writes the batch's objects, then its manifest, reading each back and comparing SHA-256; when this
     * returns the batch is durable (safe to XACK). Idempotent: a retry of a batch already stored with the
     * same objects keeps the stored manifest (which may already record the mint).
     */
    default Manifest writeBatch(SealedBatch batch) {
        return BatchWriter.write(this, batch);
    }

    /** Reads a batch back from this store alone, checks every object hash and recomputes the root. */
    default VerifiedBatch readBatch(String s3Prefix) {
        return BatchReader.read(this, s3Prefix);
    }

    /** The batch's manifest, or empty when the batch is not (completely) stored. */
    default Optional<Manifest> manifest(String s3Prefix) {
        return BatchReader.manifest(this, s3Prefix);
    }

    /** Rewrites a manifest (e.g. with the mint result) and reads it back. */
    default void updateManifest(Manifest manifest) {
        BatchWriter.writeManifest(this, manifest);
    }

    /** Prefixes ({@code <db>/<table>/<batch_id>/}) of the complete batches under {@code keyPrefix} ("" for all). */
    default List<String> batchPrefixes(String keyPrefix) {
        return BatchReader.batchPrefixes(this, keyPrefix);
    }
}
