package io.edgeledger.ledger.etrap;

import static io.edgeledger.ledger.VectorFiles.*;

import io.edgeledger.json.JsonBoolean;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.merkle.ProofTampering;
import java.util.ArrayList;
import java.util.List;

/**
 * Tampered etrap-v1 proofs made from the valid ones of a vector file, in the shape of the vectors' own
 * {@code tampered_proofs[]} entries (checked by {@link TamperedEtrapProofs}: both verifiers must agree, and the
 * index must be within the original count). Every entry states something false, so every one must be rejected: a
 * bit flipped in each path element, an element dropped or added, a sibling position flipped, another leaf's index,
 * an original count that leaves the index out of bounds.
 */
final class EtrapProofTampering {
    private EtrapProofTampering() {}

    static List<JsonObject> from(JsonObject vectors) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject c : cases(vectors, "tree_cases")) {
            List<JsonObject> rows = objects(c, "rows");
            for (JsonObject p : ProofTampering.spread(objects(c, "proofs"))) {
                tamper(c, rows, p, out);
            }
        }
        return out;
    }

    private static void tamper(JsonObject c, List<JsonObject> rows, JsonObject p, List<JsonObject> out) {
        long index = num(p, "leaf_index");
        String leaf = str(rows.get((int) index), "leaf_hash");
        long count = num(c, "original_count");
        List<String> path = strings(p, "proof_path");
        List<String> sides = strings(p, "sibling_positions");
        String what = str(c, "name") + " leaf " + index + ": ";
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(i).isEmpty()) {
                out.add(entry(c, what + "bit flipped in path element " + i, leaf, index, count, ProofTampering.replace(path, i, ProofTampering.flipBit(path.get(i))), sides));
            }
            String side = sides.get(i).equals("left") ? "right" : "left";
            out.add(entry(c, what + "sibling position " + i + " flipped", leaf, index, count, path, ProofTampering.replace(sides, i, side)));
        }
        if (!path.isEmpty()) {
            out.add(entry(c, what + "last path element dropped", leaf, index, count, path.subList(0, path.size() - 1),
                    sides.subList(0, sides.size() - 1)));
        }
        List<String> longerPath = new ArrayList<>(path);
        longerPath.add(leaf);
        List<String> longerSides = new ArrayList<>(sides);
        longerSides.add("right");
        out.add(entry(c, what + "path element added", leaf, index, count, longerPath, longerSides));
        if (count > 1) {
            long other = (index + 1) % count;
            if (!str(rows.get((int) other), "leaf_hash").equals(leaf)) {
                out.add(entry(c, what + "claimed at index " + other, leaf, other, count, path, sides));
            }
        }
        out.add(entry(c, what + "original count equal to the index", leaf, index, index, path, sides));
    }

    private static JsonObject entry(JsonObject c, String description, String leaf, long index, long originalCount,
            List<String> path, List<String> sides) {
        return JsonObject.builder().put("tree", str(c, "name")).put("description", description)
                .put("expected_valid", JsonBoolean.FALSE).put("leaf_hash", leaf).put("leaf_index", index)
                .put("original_count", originalCount).put("proof_path", ProofTampering.array(path)).put("sibling_positions", ProofTampering.array(sides))
                .put("root", str(c, "root")).build();
    }
}
