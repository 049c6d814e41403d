package io.edgeledger.ledger.etrap;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The etrap-v1 padded Merkle tree: leaves padded to a power of two with
 * sha256_hex(last_leaf + "-pad-" + position), parents = sha256_hex(left_hex + right_hex) over the hex
 * text. Reproduced for verifying legacy batches only.
 */
public final class EtrapTree {
    private final List<String> leaves;
    private final List<List<String>> levels; // levels.get(0) = padded leaves

    private EtrapTree(List<String> leaves, List<List<String>> levels) {
        this.leaves = leaves;
        this.levels = levels;
    }

    /** A proof as the agent stores it: sibling hex per level and where the sibling sits. */
    public record Proof(int leafIndex, List<String> proofPath, List<String> siblingPositions) {
        public JsonObject toJson() {
            return JsonObject.builder().put("tx_id", "tx-" + leafIndex).put("leaf_index", leafIndex)
                    .put("proof_path", strings(proofPath)).put("sibling_positions", strings(siblingPositions)).build();
        }
    }

    public static EtrapTree of(List<String> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("an etrap-v1 tree needs at least one leaf (the agent writes no tree for an empty batch)");
        }
        int n = leafHashes.size();
        int padded = n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
        List<String> level = new ArrayList<>(leafHashes);
        String last = leafHashes.get(n - 1);
        for (int position = n; position < padded; position++) {
            level.add(EtrapLeaf.sha256Hex(last + "-pad-" + position));
        }
        List<List<String>> levels = new ArrayList<>();
        levels.add(level);
        while (level.size() > 1) {
            List<String> next = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(EtrapLeaf.sha256Hex(level.get(i) + level.get(i + 1)));
            }
            levels.add(next);
            level = next;
        }
        return new EtrapTree(List.copyOf(leafHashes), levels);
    }

    public String root() {
        return levels.get(levels.size() - 1).get(0);
    }

    public int height() {
        return levels.size();
    }

    public int originalCount() {
        return leaves.size();
    }

    public int paddedCount() {
        return levels.get(0).size();
    }

    public List<String> paddingLeaves() {
        return levels.get(0).subList(leaves.size(), paddedCount());
    }

    public Proof proof(int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf index " + index + " is outside 0.." + (leaves.size() - 1));
        }
        List<String> path = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            boolean even = i % 2 == 0;
            path.add(levels.get(l).get(even ? i + 1 : i - 1));
            positions.add(even ? "right" : "left");
            i /= 2;
        }
        return new Proof(index, path, positions);
    }

    /** The {@code merkle-tree.json} object the agent stores in S3. */
    public JsonObject s3MerkleTree() {
        List<JsonValue> nodes = new ArrayList<>();
        int[] levelStart = new int[levels.size()];
        int next = 0;
        for (int l = 0; l < levels.size(); l++) {
            levelStart[l] = next;
            for (int i = 0; i < levels.get(l).size(); i++) {
                JsonObject.Builder node = JsonObject.builder().put("index", next).put("hash", levels.get(l).get(i)).put("level", l);
                if (l == 0) {
                    node.put("is_original", JsonValue.of(i < leaves.size()));
                } else {
                    node.put("left_child", levelStart[l - 1] + 2 * i).put("right_child", levelStart[l - 1] + 2 * i + 1);
                }
                nodes.add(node.build());
                next++;
            }
        }
        JsonObject.Builder proofs = JsonObject.builder();
        for (int i = 0; i < leaves.size(); i++) {
            Proof p = proof(i);
            proofs.put("tx-" + i, JsonObject.builder().put("leaf_index", i).put("proof_path", strings(p.proofPath()))
                    .put("sibling_positions", strings(p.siblingPositions())).build());
        }
        return JsonObject.builder().put("algorithm", "sha256").put("root", root()).put("height", height())
                .put("nodes", new JsonArray(nodes)).put("proof_index", proofs.build())
                .put("original_count", originalCount()).put("padded_count", paddedCount()).build();
    }

    static JsonArray strings(List<String> values) {
        return new JsonArray(values.stream().map(v -> (JsonValue) new JsonString(v)).toList());
    }
}
