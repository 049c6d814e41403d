package io.edgeledger;

import io.edgeledger.ledger.merkle.MerkleTree;
import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class CorePackagesTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(MerkleTree.class);
    }
}
