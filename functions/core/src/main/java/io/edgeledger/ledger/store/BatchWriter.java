package io.edgeledger.ledger.store;

import io.edgeledger.ledger.batch.BatchObjects;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Writes batches so that a manifest in the store always means complete, verified objects. */
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
            for (Map.Entry<String, byte[]> o : batch.objects().entrySet()) {
                readBack(store, manifest.s3Prefix() + o.getKey(), o.getValue());
            }
            return stored; // a retry: keep what is there, including a recorded mint
        }
        for (Map.Entry<String, byte[]> o : batch.objects().entrySet()) {
            String key = manifest.s3Prefix() + o.getKey();
            store.put(key, o.getValue());
            readBack(store, key, o.getValue());
        }
        writeManifest(store, manifest);
        return manifest;
    }

    static void writeManifest(LedgerStore store, Manifest manifest) {
        byte[] bytes = ManifestJson.write(manifest);
        String key = manifest.s3Prefix() + BatchObjects.MANIFEST;
        store.put(key, bytes);
        readBack(store, key, bytes);
    }

    private static void readBack(LedgerStore store, String key, byte[] expected) {
        byte[] actual = store.get(key).orElseThrow(() -> new LedgerStoreException(key + " is missing right after it was written"));
        if (Arrays.equals(actual, expected)) {
            return; // byte equality says all the SHA-256 comparison below would, without hashing both sides
        }
        String want = Hex.of(Sha256.digest(expected));
        String got = Hex.of(Sha256.digest(actual));
        if (!want.equals(got)) {
            throw new LedgerStoreException(key + " reads back with SHA-256 " + got + ", wrote " + want);
        }
    }
}
