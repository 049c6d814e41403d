package io.edgeledger.ledger.store;

import io.edgeledger.ledger.batch.BatchObjects;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import java.util.Map;
import java.util.Optional;

/**
 * Writes batches so that a manifest in the store always means complete, intact objects (DESIGN section 4):
 * each object goes up with the SHA-256 its manifest records, which the server verifies before accepting the
 * body; the manifest goes last. Nothing is read back.
 */
final class BatchWriter {
    private BatchWriter() {}

    static Manifest write(LedgerStore store, SealedBatch batch) {
        Manifest manifest = batch.manifest();
        Optional<Manifest> existing = BatchReader.manifest(store, manifest.s3Prefix());
        if (existing.isPresent()) {
            Manifest stored = existing.get();
            if (!stored.root().equals(manifest.root()) || !stored.objects().equals(manifest.objects())) {
                throw new LedgerStoreException("batch " + manifest.batchId() + " is already stored at " + manifest.s3Prefix()
                        + " with root " + stored.root() + ", refusing to overwrite it with root " + manifest.root());
            }
            return stored; // a retry: its objects were accepted with these hashes before the manifest went up
        }
        for (Map.Entry<String, byte[]> o : batch.objects().entrySet()) {
            String sha256 = manifest.objects().get(o.getKey());
            if (sha256 == null) {
                throw new IllegalArgumentException("the manifest of " + manifest.batchId() + " has no hash for " + o.getKey());
            }
            store.put(manifest.s3Prefix() + o.getKey(), o.getValue(), Hex.parseHash(sha256));
        }
        writeManifest(store, manifest);
        return manifest;
    }

    static void writeManifest(LedgerStore store, Manifest manifest) {
        byte[] bytes = ManifestJson.write(manifest);
        store.put(manifest.s3Prefix() + BatchObjects.MANIFEST, bytes, Sha256.digest(bytes));
    }
}
