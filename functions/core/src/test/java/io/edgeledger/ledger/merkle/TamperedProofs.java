package io.edgeledger.ledger.merkle;

import static io.edgeledger.ledger.VectorFiles.*;

import io.edgeledger.json.JsonObject;

/** Checks one rfc6962 {@code tampered_proofs} entry (shared by the vectors test and the CLI test). */
final class TamperedProofs {
    private TamperedProofs() {}

    static boolean rfc6962(JsonObject t) {
        try {
            return switch (str(t, "kind")) {
                case "inclusion" -> MerkleVerifier.verifyInclusion(Rfc6962.leafHash(Hex.parse(str(t, "leaf_data_hex"))),
                        num(t, "leaf_index"), num(t, "tree_size"), MerkleVerifier.parseHashes(strings(t, "audit_path")),
                        Hex.parseHash(str(t, "root")));
                case "consistency" -> MerkleVerifier.verifyConsistency(num(t, "first_size"), num(t, "second_size"),
                        Hex.parseHash(str(t, "first_root")), Hex.parseHash(str(t, "second_root")),
                        MerkleVerifier.parseHashes(strings(t, "proof")));
                default -> throw new AssertionError("unknown tampered proof kind " + str(t, "kind"));
            };
        } catch (IllegalArgumentException malformedHex) {
            return false; // a proof element that is not a 32-byte hash cannot verify
        }
    }
}
