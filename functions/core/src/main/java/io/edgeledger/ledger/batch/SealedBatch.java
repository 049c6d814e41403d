package io.edgeledger.ledger.batch;

import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.merkle.MerkleTree;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch ready to store: its manifest and the bytes of every other object (name relative to the
 * prefix, in write order), plus the leaves and tree they came from.
 */
public record SealedBatch(Manifest manifest, Map<String, byte[]> objects, List<LeafOutcome.Leaf> leaves, MerkleTree tree) {
    public SealedBatch {
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        leaves = List.copyOf(leaves);
    }

    public byte[] manifestBytes() {
        return ManifestJson.write(manifest);
    }
}
