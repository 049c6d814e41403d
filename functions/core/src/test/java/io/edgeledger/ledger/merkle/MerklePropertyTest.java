package io.edgeledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MerklePropertyTest {
    static MerkleTree randomTree(SplittableRandom r, int maxSize) {
        int n = 1 + r.nextInt(maxSize);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            leaves.add(b);
        }
        return MerkleTree.fromLeafData(leaves);
    }

    static byte[] flip(byte[] b, SplittableRandom r) {
        byte[] c = b.clone();
        int bit = r.nextInt(c.length * 8);
        c[bit / 8] ^= (byte) (1 << (bit % 8));
        return c;
    }

    /** The tree root equals MTH computed straight from the RFC 6962 recursive definition. */
    @Test
    void levelledRootEqualsTheRecursiveDefinition() {
        Property.forAll(200, r -> {
            MerkleTree t = randomTree(r, 70);
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                hashes.add(t.leafHash(i));
            }
            assertThat(t.root()).isEqualTo(mth(hashes));
            int m = r.nextInt(t.size() + 1);
            assertThat(t.rootAt(m)).isEqualTo(m == 0 ? Rfc6962.emptyRoot() : mth(hashes.subList(0, m)));
        });
    }

    private static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return Rfc6962.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    @Test
    void everyInclusionProofVerifiesAndAnyTamperingFails() {
        Property.forAll(500, r -> {
            MerkleTree t = randomTree(r, 300);
            int n = t.size();
            int i = r.nextInt(n);
            byte[] leaf = t.leafHash(i);
            byte[] root = t.root();
            List<byte[]> path = t.inclusionProof(i);
            assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, path, root)).isTrue();

            assertThat(MerkleVerifier.verifyInclusion(flip(leaf, r), i, n, path, root)).isFalse();
            assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, path, flip(root, r))).isFalse();
            if (!path.isEmpty()) {
                List<byte[]> bad = new ArrayList<>(path);
                int k = r.nextInt(bad.size());
                bad.set(k, flip(bad.get(k), r));
                assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, bad, root)).isFalse();
                assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, path.subList(0, path.size() - 1), root)).isFalse();
            }
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(root);
            assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, longer, root)).isFalse();
            if (n > 1) {
                int j = (i + 1 + r.nextInt(n - 1)) % n;
                assertThat(MerkleVerifier.verifyInclusion(leaf, j, n, path, root)).as("wrong index %d for %d", j, i).isFalse();
            }
            // a wrong size with that size's real root
            int other = 1 + r.nextInt(n + 5);
            if (other != n && i < other && other <= n) {
                assertThat(MerkleVerifier.verifyInclusion(leaf, i, other, path, t.rootAt(other))).isFalse();
            }
            assertThat(MerkleVerifier.verifyInclusion(leaf, n, n, path, root)).isFalse();
            assertThat(MerkleVerifier.verifyInclusion(leaf, -1, n, path, root)).isFalse();
        });
    }

    @Test
    void everyConsistencyProofVerifiesAndAnyTamperingFails() {
        Property.forAll(500, r -> {
            MerkleTree t = randomTree(r, 300);
            int n = t.size();
            int m = 1 + r.nextInt(n);
            byte[] oldRoot = t.rootAt(m);
            byte[] root = t.root();
            List<byte[]> proof = t.consistencyProof(m);
            assertThat(MerkleVerifier.verifyConsistency(m, n, oldRoot, root, proof)).isTrue();

            assertThat(MerkleVerifier.verifyConsistency(m, n, flip(oldRoot, r), root, proof)).isFalse();
            assertThat(MerkleVerifier.verifyConsistency(m, n, oldRoot, flip(root, r), proof)).isFalse();
            if (!proof.isEmpty()) {
                List<byte[]> bad = new ArrayList<>(proof);
                int k = r.nextInt(bad.size());
                bad.set(k, flip(bad.get(k), r));
                assertThat(MerkleVerifier.verifyConsistency(m, n, oldRoot, root, bad)).isFalse();
                assertThat(MerkleVerifier.verifyConsistency(m, n, oldRoot, root, proof.subList(0, proof.size() - 1))).isFalse();
            }
            // another old size, with its real root: valid only if its proof is literally the same
            int m2 = 1 + r.nextInt(n);
            if (m2 != m) {
                boolean same = Rfc6962VectorsTest.hex(t.consistencyProof(m2)).equals(Rfc6962VectorsTest.hex(proof));
                assertThat(MerkleVerifier.verifyConsistency(m2, n, t.rootAt(m2), root, proof)).isEqualTo(same);
            }
            assertThat(MerkleVerifier.verifyConsistency(n + 1, n, oldRoot, root, proof)).isFalse();
        });
    }
}
