package io.edgeledger.ledger.store;

import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import java.util.List;
import java.util.Optional;

/**
 * Where sealed batches live: an object store (S3 in production and locally via s3proxy). The three
 * object operations are the seam; batch semantics (checksummed writes, manifest last; reading and
 * verifying) are shared default methods, so every backend gives the same durability guarantee.
 */
public interface LedgerStore {

    /** The bucket (or equivalent) name recorded in manifests. */
    String bucket();

    /**
     * Stores an object with its SHA-256 ({@code sha256} of {@code bytes}, computed once by the caller), which
     * the store has the server verify before it accepts the body. Durable and intact when it returns; a
     * rejected or failed write is a {@link LedgerStoreException}.
     */
    void put(String key, byte[] bytes, byte[] sha256);

    /** The object's bytes, or empty when there is no such key. */
    Optional<byte[]> get(String key);

    /** Every key starting with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /**
     * Up to {@code max} keys starting with {@code prefix} that sort after {@code startAfter} (null: from the first), in
     * order: one page of a listing that reads no further than it needs. Stores that can start a listing at a key
     * override this; the default lists everything and skips.
     */
    default List<String> listAfter(String prefix, String startAfter, int max) {
        return list(prefix).stream().filter(k -> startAfter == null || k.compareTo(startAfter) > 0).limit(max).toList();
    }

    /** The distinct "folders" directly under {@code prefix} (each ends in '/'), in order, e.g. {@code a/} and {@code b/} under "". */
    default List<String> childPrefixes(String prefix) {
        java.util.TreeSet<String> children = new java.util.TreeSet<>();
        for (String key : list(prefix)) {
            int slash = key.indexOf('/', prefix.length());
            if (slash >= 0) {
                children.add(key.substring(0, slash + 1));
            }
        }
        return List.copyOf(children);
    }

    /**
     * Writes the batch's objects, each with the SHA-256 the manifest records for it, then its manifest (no
     * read-back: the server verified every body); when this returns the batch is durable (safe to XACK).
     * Idempotent: a retry of a batch already stored with the same objects keeps the stored manifest (which
     * may already record the mint).
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

    /** Rewrites a manifest (e.g. with the mint result), checksummed like every object. */
    default void updateManifest(Manifest manifest) {
        BatchWriter.writeManifest(this, manifest);
    }

    /** Prefixes ({@code <db>/<table>/<batch_id>/}) of the complete batches under {@code keyPrefix} ("" for all). */
    default List<String> batchPrefixes(String keyPrefix) {
        return BatchReader.batchPrefixes(this, keyPrefix);
    }
}
