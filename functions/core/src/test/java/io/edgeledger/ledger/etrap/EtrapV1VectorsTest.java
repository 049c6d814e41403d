package io.edgeledger.ledger.etrap;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EtrapV1VectorsTest {
    private static final JsonObject VECTORS = VectorFiles.load("merkle-etrap-v1.json");

    static List<Map.Entry<String, String>> fields(JsonObject leafCase) {
        return ((JsonObject) leafCase.get("fields")).members().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), ((JsonString) e.getValue()).value())).toList();
    }

    @TestFactory
    Stream<DynamicTest> leafCases() {
        return cases(VECTORS, "leaf_cases").stream().map(c -> DynamicTest.dynamicTest(str(c, "label"), () -> {
            EtrapLeaf.Result r = EtrapLeaf.fromRedisEntry(fields(c));
            if (c.has("skipped")) {
                assertThat(r.skipped()).as("skipped").isNotNull();
                return;
            }
            assertThat(r.skipped()).isNull();
            assertThat(r.operation()).isEqualTo(str(c, "operation"));
            assertThat(r.group()).isEqualTo(str(c, "group"));
            assertThat(r.hashedPart()).isEqualTo(str(c, "hashed_part"));
            assertThat(r.canonicalSdk()).isEqualTo(str(c, "canonical_json_sdk"));
            assertThat(r.leafHashSdk()).isEqualTo(str(c, "leaf_hash_sdk"));
            assertThat(r.canonicalLegacy()).isEqualTo(str(c, "canonical_json_legacy"));
            assertThat(r.leafHashLegacy()).isEqualTo(str(c, "leaf_hash_legacy"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> sampleBatches() {
        return cases(VECTORS, "sample_batches").stream().map(b -> DynamicTest.dynamicTest(str(b, "group"), () -> {
            EtrapTree t = EtrapTree.of(strings(b, "leaf_hashes"));
            assertThat(t.root()).isEqualTo(str(b, "root"));
            assertThat(t.height()).isEqualTo(num(b, "height"));
            assertThat(t.paddedCount()).isEqualTo(num(b, "padded_count"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> treeCases() {
        return cases(VECTORS, "tree_cases").stream().map(c -> DynamicTest.dynamicTest(str(c, "name"), () -> {
            List<JsonObject> rows = objects(c, "rows");
            for (JsonObject row : rows) {
                assertThat(EtrapLeaf.rowCanonicalJson(str(row, "row_json"))).isEqualTo(str(row, "canonical_json"));
                assertThat(EtrapLeaf.rowLeafHash(str(row, "row_json"))).isEqualTo(str(row, "leaf_hash"));
            }
            if (rows.isEmpty()) {
                assertThat(c.get("root")).isEqualTo(io.edgeledger.json.JsonNull.INSTANCE);
                return;
            }
            EtrapTree t = EtrapTree.of(rows.stream().map(r -> str(r, "leaf_hash")).toList());
            assertThat(t.root()).isEqualTo(str(c, "root"));
            assertThat(t.height()).isEqualTo(num(c, "height"));
            assertThat(t.originalCount()).isEqualTo(num(c, "original_count"));
            assertThat(t.paddedCount()).isEqualTo(num(c, "padded_count"));
            assertThat(t.paddingLeaves()).isEqualTo(strings(c, "padded_leaves"));
            for (JsonObject p : objects(c, "proofs")) {
                int i = (int) num(p, "leaf_index");
                EtrapTree.Proof proof = t.proof(i);
                assertThat(proof.toJson()).isEqualTo(p);
                assertThat(EtrapVerifier.verify(str(rows.get(i), "leaf_hash"), i, t.originalCount(), proof.proofPath(),
                        proof.siblingPositions(), t.root())).isTrue();
            }
            if (c.get("s3_merkle_tree") instanceof JsonObject s3) {
                assertThat(t.s3MerkleTree()).isEqualTo(s3);
            }
        }));
    }

    /** The file's own tampered proofs (held-out files have them) and those made here from its valid ones. */
    @TestFactory
    Stream<DynamicTest> tamperedProofs() {
        List<JsonObject> tampered = new ArrayList<>(objects(VECTORS, "tampered_proofs"));
        tampered.addAll(EtrapProofTampering.from(VECTORS));
        return nonEmpty(tampered, "tampered proofs").stream().map(t -> DynamicTest.dynamicTest(str(t, "description"),
                () -> assertThat(TamperedEtrapProofs.verify(VECTORS, t)).isEqualTo(bool(t, "expected_valid"))));
    }

    /** Hand-made tampering over the size-5 case (padding leaves exist there): the shapes the held-out file uses. */
    @TestFactory
    Stream<DynamicTest> tamperingIsRejected() {
        JsonObject size5 = objects(VECTORS, "tree_cases").stream().filter(c -> str(c, "name").equals("size-5")).findFirst().orElseThrow();
        EtrapTree t = EtrapTree.of(objects(size5, "rows").stream().map(r -> str(r, "leaf_hash")).toList());
        String leaf = str(objects(size5, "rows").get(2), "leaf_hash");
        EtrapTree.Proof p = t.proof(2);
        // the padding leaf at index 5 has a valid hash chain
        EtrapTree padded = t;
        String pad = padded.paddingLeaves().get(0);
        List<String> padPath = List.of(padded.paddingLeaves().get(1), EtrapLeaf.sha256Hex(padded.paddingLeaves().get(1)), "");
        return Stream.of(
                DynamicTest.dynamicTest("wrong leaf", () -> assertThat(EtrapVerifier.verify(pad, 2, 5, p.proofPath(), p.siblingPositions(), t.root())).isFalse()),
                DynamicTest.dynamicTest("wrong index", () -> assertThat(EtrapVerifier.verify(leaf, 3, 5, p.proofPath(), p.siblingPositions(), t.root())).isFalse()),
                DynamicTest.dynamicTest("flipped sibling position", () -> assertThat(EtrapVerifier.verify(leaf, 2, 5, p.proofPath(),
                        List.of("left", p.siblingPositions().get(1), p.siblingPositions().get(2)), t.root())).isFalse()),
                DynamicTest.dynamicTest("uppercase root", () -> assertThat(EtrapVerifier.verify(leaf, 2, 5, p.proofPath(), p.siblingPositions(),
                        t.root().toUpperCase())).isFalse()),
                DynamicTest.dynamicTest("padding leaf rejected only by the bounds check", () -> {
                    EtrapTree.Proof padProof = proofOfPadding(t, 5);
                    assertThat(EtrapVerifier.verifyPositional(pad, padProof.proofPath(), padProof.siblingPositions(), t.root())).isTrue();
                    assertThat(EtrapVerifier.verifyIndexed(pad, 5, padProof.proofPath(), t.root())).isTrue();
                    assertThat(EtrapVerifier.verify(pad, 5, 5, padProof.proofPath(), padProof.siblingPositions(), t.root())).isFalse();
                    assertThat(padPath).hasSize(3);
                }));
    }

    /** A proof for a padding position, built from the s3 tree nodes (EtrapTree only proves original leaves). */
    private static EtrapTree.Proof proofOfPadding(EtrapTree t, int index) {
        JsonObject s3 = t.s3MerkleTree();
        List<JsonValue> nodes = ((io.edgeledger.json.JsonArray) s3.get("nodes")).items();
        List<String> path = new java.util.ArrayList<>();
        List<String> positions = new java.util.ArrayList<>();
        int levelStart = 0;
        int levelSize = t.paddedCount();
        int i = index;
        while (levelSize > 1) {
            boolean even = i % 2 == 0;
            path.add(str((JsonObject) nodes.get(levelStart + (even ? i + 1 : i - 1)), "hash"));
            positions.add(even ? "right" : "left");
            levelStart += levelSize;
            levelSize /= 2;
            i /= 2;
        }
        return new EtrapTree.Proof(index, path, positions);
    }

    static JsonValue parse(String s) {
        return StrictJsonParser.parse(s);
    }
}
