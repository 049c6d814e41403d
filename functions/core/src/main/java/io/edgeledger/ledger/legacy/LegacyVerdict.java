package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.etrap.EtrapTree;
import java.util.List;

/**
 * The answer for one leaf of a legacy batch, in the verdicts new batches use: {@code verified}, {@code tampered},
 * {@code not_found}, {@code not_notarized}. {@code proof} is null unless the leaf was found.
 */
public record LegacyVerdict(String verdict, String leafHash, String batchId, int leafIndex, EtrapTree.Proof proof, String recomputedRoot,
        String chainRoot, boolean tokenFound, List<String> problems, List<LegacyFinding> findings) {
    public static final String VERIFIED = "verified";
    public static final String TAMPERED = "tampered";
    public static final String NOT_FOUND = "not_found";
    public static final String NOT_NOTARIZED = "not_notarized";

    public boolean included() {
        return VERIFIED.equals(verdict);
    }
}
