package io.edgeledger.ledger.store;

import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.merkle.MerkleTree;
import java.util.List;

/** A batch read back from the store whose objects match their manifest hashes and whose root was recomputed. */
public record VerifiedBatch(Manifest manifest, List<StoredLeaf> leaves, MerkleTree tree) {
    public VerifiedBatch {
        leaves = List.copyOf(leaves);
    }

    /** RFC 6962 audit path (hex, bottom-up) of leaf {@code index} in this batch's tree. */
    public List<String> auditPath(int index) {
        return tree.inclusionProof(index).stream().map(io.edgeledger.ledger.merkle.Hex::of).toList();
    }

    /** Leaf indices whose leaf hash is {@code hashHex} (a batch may hold identical changes twice). */
    public List<Integer> indicesOf(String hashHex) {
        return leaves.stream().filter(l -> l.hashHex().equals(hashHex)).map(StoredLeaf::index).toList();
    }
}
