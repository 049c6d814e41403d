package io.edgeledger.ledger.store;

import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.batch.BatchFormatException;
import io.edgeledger.ledger.batch.BatchObjects;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleTree;
import io.edgeledger.ledger.merkle.Rfc6962;
import io.edgeledger.ledger.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;

/** Reads batches back and proves them from the store alone: object hashes, leaf hashes, root. */
final class BatchReader {
    private BatchReader() {}

    static Optional<Manifest> manifest(LedgerStore store, String prefix) {
        return store.get(normalize(prefix) + BatchObjects.MANIFEST).map(ManifestJson::parse);
    }

    static List<String> batchPrefixes(LedgerStore store, String keyPrefix) {
        List<String> out = new ArrayList<>();
        for (String key : store.list(keyPrefix)) {
            if (key.endsWith("/" + BatchObjects.MANIFEST)) {
                out.add(key.substring(0, key.length() - BatchObjects.MANIFEST.length()));
            }
        }
        return out;
    }

    static VerifiedBatch read(LedgerStore store, String prefix) {
        String p = normalize(prefix);
        Manifest manifest = manifest(store, p).orElseThrow(() -> new BatchFormatException("no batch at " + p + " (no manifest.json)"));
        if (!manifest.s3Prefix().equals(p)) {
            throw new BatchFormatException(p + "manifest.json names prefix " + manifest.s3Prefix());
        }
        for (String name : BatchObjects.CONTENT) {
            String want = manifest.objects().get(name);
            if (want == null) {
                throw new BatchFormatException(p + "manifest.json has no hash for " + name);
            }
            byte[] bytes = store.get(p + name).orElseThrow(() -> new BatchFormatException(p + name + " is missing"));
            String got = Hex.of(Sha256.digest(bytes));
            if (!got.equals(want)) {
                throw new BatchFormatException(p + name + " has SHA-256 " + got + " but the manifest says " + want);
            }
        }
        List<StoredLeaf> leaves = leaves(store.get(p + BatchObjects.BATCH_DATA).orElseThrow(), p);
        MerkleTree tree = MerkleTree.fromLeafData(leaves.stream().map(StoredLeaf::bytes).toList());
        String root = Hex.of(tree.root());
        if (leaves.size() != manifest.leafCount()) {
            throw new BatchFormatException(p + "batch-data.json holds " + leaves.size() + " leaves, the manifest says " + manifest.leafCount());
        }
        if (!root.equals(manifest.root())) {
            throw new BatchFormatException(p + ": recomputed root " + root + " differs from the manifest root " + manifest.root());
        }
        JsonObject merkle = object(store.get(p + BatchObjects.MERKLE_TREE).orElseThrow(), p + BatchObjects.MERKLE_TREE);
        if (!(merkle.get("root") instanceof JsonString r) || !r.value().equals(root)) {
            throw new BatchFormatException(p + "merkle-tree.json root differs from the recomputed root " + root);
        }
        return new VerifiedBatch(manifest, leaves, tree);
    }

    private static List<StoredLeaf> leaves(byte[] batchData, String p) {
        JsonObject data = object(batchData, p + BatchObjects.BATCH_DATA);
        if (!(data.get("entries") instanceof JsonArray entries)) {
            throw new BatchFormatException(p + "batch-data.json has no 'entries' array");
        }
        List<StoredLeaf> leaves = new ArrayList<>();
        for (JsonValue v : entries.items()) {
            if (!(v instanceof JsonObject e) || !"leaf".equals(e.string("result"))) {
                continue;
            }
            JsonValue doc = e.get("leaf");
            if (!(doc instanceof JsonObject)) {
                throw new BatchFormatException(p + "batch-data.json entry " + e.string("entry_id") + " has no leaf document");
            }
            byte[] bytes = JcsWriter.bytes(doc); // stored as RFC 8785 text, so this gives the leaf bytes back
            String hash = Hex.of(Rfc6962.leafHash(bytes));
            if (!hash.equals(e.string("leaf_hash"))) {
                throw new BatchFormatException(p + "batch-data.json entry " + e.string("entry_id") + ": leaf hashes to " + hash
                        + ", recorded " + e.string("leaf_hash"));
            }
            Long ts = e.get("timestamp_ms") instanceof JsonNumber n ? Long.valueOf(n.text()) : null;
            String keyJson = JcsWriter.write(((JsonObject) doc).members().getOrDefault("key", io.edgeledger.json.JsonNull.INSTANCE));
            leaves.add(new StoredLeaf(leaves.size(), e.string("entry_id"), e.string("op"), ts, keyJson, bytes, hash));
        }
        return leaves;
    }

    private static JsonObject object(byte[] bytes, String where) {
        try {
            if (StrictJsonParser.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof JsonObject o) {
                return o;
            }
        } catch (JsonSyntaxException e) {
            throw new BatchFormatException(where + " is not valid JSON: " + e.getMessage(), e);
        }
        throw new BatchFormatException(where + " is not a JSON object");
    }

    private static String normalize(String prefix) {
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

}
