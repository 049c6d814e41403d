package io.edgeledger.ledger.etrap;

import static io.edgeledger.ledger.VectorFiles.*;

import io.edgeledger.json.JsonObject;

/** Checks one etrap-v1 {@code tampered_proofs} entry with the verifier it names (both when none). */
final class TamperedEtrapProofs {
    private TamperedEtrapProofs() {}

    static boolean verify(JsonObject vectors, JsonObject t) {
        String leaf = str(t, "leaf_hash");
        long index = num(t, "leaf_index");
        String root = str(t, "root");
        long originalCount = t.has("original_count") ? num(t, "original_count") : originalCount(vectors, str(t, "tree"));
        boolean positional = EtrapVerifier.verifyPositional(leaf, strings(t, "proof_path"), strings(t, "sibling_positions"), root);
        boolean indexed = EtrapVerifier.verifyIndexed(leaf, index, strings(t, "proof_path"), root);
        boolean chain = switch (str(t, "verifier") == null ? "both" : str(t, "verifier")) {
            case "positional" -> positional;
            case "indexed" -> indexed;
            default -> positional && indexed;
        };
        return chain && EtrapVerifier.inBounds(index, originalCount);
    }

    private static long originalCount(JsonObject vectors, String tree) {
        return objects(vectors, "tree_cases").stream().filter(c -> str(c, "name").equals(tree)).findFirst()
                .map(c -> num(c, "size")).orElse(Long.MAX_VALUE);
    }
}
