package io.edgeledger.ledger.merkle;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Rfc6962VectorsTest {
    private static final JsonObject VECTORS = VectorFiles.load("merkle-rfc6962.json");

    static MerkleTree tree(JsonObject treeCase) {
        return MerkleTree.fromLeafData(objects(treeCase, "leaves").stream()
                .map(l -> str(l, "leaf_data").getBytes(StandardCharsets.UTF_8)).toList());
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::of).toList();
    }

    @TestFactory
    Stream<DynamicTest> treesProofsAndVerification() {
        return cases(VECTORS, "tree_cases").stream().map(c -> DynamicTest.dynamicTest(str(c, "name"), () -> {
            MerkleTree tree = tree(c);
            assertThat(tree.size()).isEqualTo(num(c, "size"));
            assertThat(Hex.of(tree.root())).isEqualTo(str(c, "root"));
            for (JsonObject leaf : objects(c, "leaves")) {
                int i = (int) num(leaf, "index");
                assertThat(Hex.of(tree.leafHash(i))).isEqualTo(str(leaf, "leaf_hash"));
            }
            for (JsonObject p : objects(c, "inclusion_proofs")) {
                int i = (int) num(p, "leaf_index");
                assertThat(num(p, "tree_size")).isEqualTo(tree.size());
                assertThat(hex(tree.inclusionProof(i))).isEqualTo(strings(p, "audit_path"));
                assertThat(MerkleVerifier.verifyInclusion(tree.leafHash(i), i, tree.size(),
                        MerkleVerifier.parseHashes(strings(p, "audit_path")), Hex.parseHash(str(c, "root")))).isTrue();
            }
            for (JsonObject p : objects(c, "consistency_proofs")) {
                int m = (int) num(p, "first_size");
                assertThat(num(p, "second_size")).isEqualTo(tree.size());
                assertThat(Hex.of(tree.rootAt(m))).isEqualTo(str(p, "first_root"));
                assertThat(hex(tree.consistencyProof(m))).isEqualTo(strings(p, "proof"));
                assertThat(MerkleVerifier.verifyConsistency(m, tree.size(), Hex.parseHash(str(p, "first_root")),
                        Hex.parseHash(str(p, "second_root")), MerkleVerifier.parseHashes(strings(p, "proof")))).isTrue();
            }
        }));
    }

    /** The file's own tampered proofs (held-out files have them) and those made here from its valid ones. */
    @TestFactory
    Stream<DynamicTest> tamperedProofsVerifyToTheirExpectation() {
        List<JsonObject> tampered = new ArrayList<>(objects(VECTORS, "tampered_proofs"));
        tampered.addAll(ProofTampering.rfc6962(VECTORS));
        return nonEmpty(tampered, "tampered proofs").stream().map(t -> DynamicTest.dynamicTest(str(t, "description"),
                () -> assertThat(TamperedProofs.rfc6962(t)).isEqualTo(bool(t, "expected_valid"))));
    }

    @Test
    void emptyTreeHasTheHashOfNothing() {
        MerkleTree empty = MerkleTree.fromLeafData(List.of());
        assertThat(Hex.of(empty.root())).isEqualTo(Rfc6962.EMPTY_ROOT_HEX);
        assertThat(MerkleVerifier.verifyConsistency(0, 0, empty.root(), empty.root(), List.of())).isTrue();
    }
}
