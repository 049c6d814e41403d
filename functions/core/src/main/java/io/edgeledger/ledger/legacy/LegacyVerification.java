package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.etrap.EtrapTree;
import io.edgeledger.ledger.etrap.EtrapVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a legacy leaf's verdict. The chain is the only authority: the root recomputed from the leaf hashes in S3
 * must equal the token's {@code batch_summary.merkle_root}; the agent's stored root, proofs and tx hash are reported
 * (as findings) but never trusted. A batch whose leaves cannot be read at all is {@code tampered}: its evidence is gone.
 */
public final class LegacyVerification {
    private LegacyVerification() {}

    /** {@code chainRoot}: the token's merkle_root, null when there is no token (or it carries none). */
    public static LegacyVerdict verify(LegacyBatch batch, LegacyLeaves.Candidates leaves, boolean tokenFound, String chainRoot) {
        String leaf = batch.indexOf(leaves.sdk()) < 0 && batch.indexOf(leaves.legacy()) >= 0 ? leaves.legacy() : leaves.sdk();
        List<String> problems = new ArrayList<>(batch.problems());
        String root = batch.recomputedRoot();
        if (root == null) {
            problems.add("no leaf hash of batch " + batch.batchId() + " could be read from S3");
            return verdict(LegacyVerdict.TAMPERED, leaf, batch, -1, null, null, tokenFound, chainRoot, problems);
        }
        boolean rootMatches = chainRoot != null && chainRoot.equalsIgnoreCase(root);
        if (chainRoot != null && !rootMatches) {
            problems.add("the etrap-v1 root recomputed from S3 (" + root + ") differs from the root notarized on NEAR (" + chainRoot + ")");
        }
        int index = batch.indexOf(leaf);
        if (index < 0) {
            String verdict = chainRoot != null && !rootMatches ? LegacyVerdict.TAMPERED : LegacyVerdict.NOT_FOUND;
            return verdict(verdict, leaf, batch, -1, null, root, tokenFound, chainRoot, problems);
        }
        EtrapTree tree = batch.recomputedTree().orElseThrow();
        EtrapTree.Proof proof = tree.proof(index);
        boolean proofValid = EtrapVerifier.verify(leaf, index, tree.originalCount(), proof.proofPath(), proof.siblingPositions(), root);
        String verdict;
        if (chainRoot != null && !rootMatches) {
            verdict = LegacyVerdict.TAMPERED;
        } else if (!tokenFound || chainRoot == null) {
            verdict = LegacyVerdict.NOT_NOTARIZED;
            problems.add("batch " + batch.batchId() + " has no token with a batch_summary.merkle_root on the chain");
        } else if (!proofValid) {
            verdict = LegacyVerdict.TAMPERED;
            problems.add("the etrap-v1 proof does not verify against the recomputed root");
        } else {
            verdict = LegacyVerdict.VERIFIED;
        }
        return verdict(verdict, leaf, batch, index, proof, root, tokenFound, chainRoot, problems);
    }

    /** The whole batch against its token: the recomputed root must be the token's root. */
    public static LegacyVerdict verifyBatch(LegacyBatch batch, boolean tokenFound, String chainRoot) {
        List<String> problems = new ArrayList<>(batch.problems());
        String root = batch.recomputedRoot();
        String verdict;
        if (root == null) {
            verdict = LegacyVerdict.TAMPERED;
            problems.add("no leaf hash of batch " + batch.batchId() + " could be read from S3");
        } else if (chainRoot == null) {
            verdict = LegacyVerdict.NOT_NOTARIZED;
            problems.add("batch " + batch.batchId() + " has no token with a batch_summary.merkle_root on the chain");
        } else if (!chainRoot.equalsIgnoreCase(root)) {
            verdict = LegacyVerdict.TAMPERED;
            problems.add("the etrap-v1 root recomputed from S3 (" + root + ") differs from the root notarized on NEAR (" + chainRoot + ")");
        } else {
            verdict = LegacyVerdict.VERIFIED;
        }
        return verdict(verdict, null, batch, -1, null, root, tokenFound, chainRoot, problems);
    }

    private static LegacyVerdict verdict(String verdict, String leaf, LegacyBatch batch, int index, EtrapTree.Proof proof, String root,
            boolean tokenFound, String chainRoot, List<String> problems) {
        return new LegacyVerdict(verdict, leaf, batch.batchId(), index, proof, root, chainRoot, tokenFound, problems, batch.findings());
    }
}
