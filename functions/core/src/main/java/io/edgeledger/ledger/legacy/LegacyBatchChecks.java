package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.etrap.EtrapTree;
import io.edgeledger.ledger.etrap.EtrapVerifier;
import io.edgeledger.ledger.legacy.LegacyFinding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The etrap-v1 checks of a read batch: the tree recomputed from the leaf hashes against the stored root and counts,
 * and every stored proof (both verifiers and the bounds check). Findings are aggregated per kind so a batch of
 * thousands of leaves reports a line, not thousands.
 */
final class LegacyBatchChecks {
    private LegacyBatchChecks() {}

    static List<LegacyFinding> check(String prefix, List<LegacyTransaction> transactions, List<String> leaves, LegacyTree stored) {
        List<LegacyFinding> findings = new ArrayList<>();
        if (leaves.isEmpty() || stored == null) {
            return findings; // the missing or unreadable object is already a finding
        }
        String object = prefix + LegacyBatchReader.BATCH_DATA;
        if (!transactions.isEmpty() && stored.originalCount() != transactions.size()) {
            findings.add(LegacyFinding.of(Kind.COUNT_MISMATCH, object,
                    transactions.size() + " transactions but the stored tree says original_count " + stored.originalCount()));
        }
        EtrapTree tree = EtrapTree.of(leaves);
        if (!tree.root().equals(stored.root())) {
            findings.add(LegacyFinding.of(Kind.ROOT_MISMATCH, object,
                    "the etrap-v1 root of the " + leaves.size() + " stored leaf hashes is " + tree.root() + ", the stored root is " + stored.root()));
        }
        int invalid = 0;
        Integer first = null;
        for (Map.Entry<Integer, EtrapTree.Proof> e : stored.proofs().entrySet()) {
            int i = e.getKey();
            EtrapTree.Proof p = e.getValue();
            boolean ok = i < leaves.size() && EtrapVerifier.verify(leaves.get(i), i, stored.originalCount(), p.proofPath(), p.siblingPositions(), stored.root());
            if (!ok) {
                invalid++;
                first = first == null ? i : Math.min(first, i);
            }
        }
        if (invalid > 0) {
            findings.add(LegacyFinding.of(Kind.PROOF_INVALID, object, invalid + " stored proof(s) do not verify against the stored root, first tx-" + first));
        }
        if (stored.proofs().size() != leaves.size()) {
            findings.add(LegacyFinding.of(Kind.COUNT_MISMATCH, object, stored.proofs().size() + " stored proofs for " + leaves.size() + " leaves"));
        }
        return findings;
    }
}
