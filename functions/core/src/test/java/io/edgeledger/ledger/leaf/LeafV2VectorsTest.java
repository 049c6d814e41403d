package io.edgeledger.ledger.leaf;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.VectorFiles;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class LeafV2VectorsTest {
    private static final JsonObject VECTORS = VectorFiles.load("leaf-v2.json");

    /** Runs one vector input through LeafV2 (also used by the CLI test). */
    static LeafOutcome outcome(JsonObject input, String nullPlaceholder) {
        return switch (str(input, "kind")) {
            case "redis" -> LeafV2.fromRedisEntry(fields((JsonArray) input.get("fields")), nullPlaceholder);
            case "event" -> LeafV2.fromRecord(str(input, "key_json"), str(input, "value_json"));
            default -> throw new AssertionError("unknown input kind " + input);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsExpectedOutcome() {
        String placeholder = str(VECTORS, "null_placeholder");
        return cases(VECTORS, "cases").stream().map(c -> DynamicTest.dynamicTest(str(c, "label"), () -> {
            JsonObject expected = (JsonObject) c.get("expected");
            LeafOutcome out = outcome((JsonObject) c.get("input"), placeholder);
            switch (str(expected, "result")) {
                case "leaf" -> {
                    assertThat(out).isInstanceOf(LeafOutcome.Leaf.class);
                    LeafOutcome.Leaf leaf = (LeafOutcome.Leaf) out;
                    assertThat(leaf.text()).isEqualTo(str(expected, "leaf_bytes_utf8"));
                    assertThat(Hex.of(leaf.bytes())).isEqualTo(str(expected, "leaf_bytes_hex"));
                    assertThat(leaf.hashHex()).isEqualTo(str(expected, "leaf_hash"));
                }
                case "no_leaf" -> assertThat(out).isEqualTo(new LeafOutcome.NoLeaf(str(expected, "reason")));
                case "error" -> {
                    assertThat(out).isInstanceOf(LeafOutcome.Poison.class);
                    assertThat(((LeafOutcome.Poison) out).code()).as(((LeafOutcome.Poison) out).detail()).isEqualTo(str(expected, "error"));
                }
                default -> throw new AssertionError("unknown expected result " + expected);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> sampleBatchesHaveTheirRoots() {
        String placeholder = str(VECTORS, "null_placeholder");
        Map<String, JsonObject> byLabel = new HashMap<>();
        objects(VECTORS, "cases").forEach(c -> byLabel.put(str(c, "label"), c));
        return cases(VECTORS, "sample_batches").stream().map(b -> DynamicTest.dynamicTest(str(b, "source") + " " + str(b, "table"), () -> {
            List<byte[]> leaves = new ArrayList<>();
            for (String label : strings(b, "labels")) {
                LeafOutcome out = outcome((JsonObject) byLabel.get(label).get("input"), placeholder);
                if (out instanceof LeafOutcome.Leaf leaf) {
                    assertThat(leaf.table()).isEqualTo(str(b, "table"));
                    leaves.add(leaf.bytes());
                }
            }
            MerkleTree tree = MerkleTree.fromLeafData(leaves);
            assertThat(leaves.stream().map(l -> Hex.of(io.edgeledger.ledger.merkle.Rfc6962.leafHash(l))).toList())
                    .isEqualTo(strings(b, "leaf_hashes"));
            assertThat(tree.size()).isEqualTo(num(b, "size"));
            assertThat(Hex.of(tree.root())).isEqualTo(str(b, "root"));
        }));
    }
}
