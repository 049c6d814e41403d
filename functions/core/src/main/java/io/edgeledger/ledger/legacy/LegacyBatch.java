package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.etrap.EtrapTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A batch the original ETRAP agent wrote to S3 ({@code <database>/<table>/<batch_id>/}), read into types. The leaf
 * hashes come from {@code batch-data.json} (or, when that is missing or unreadable, from the stored tree); the tree
 * recomputed from them with the etrap-v1 rules is what a token's root is compared with, never the stored root.
 * {@code findings} lists every quirk and defect met; nothing here throws for bad data.
 */
public record LegacyBatch(String prefix, String batchId, String database, String table, Long createdAtMs,
        List<LegacyTransaction> transactions, List<String> leafHashes, LegacyTree storedTree, LegacyAnchor anchor,
        List<LegacyFinding> findings) {

    public static final String SCHEME = "etrap-v1";

    public LegacyBatch {
        transactions = List.copyOf(transactions);
        leafHashes = List.copyOf(leafHashes);
        findings = List.copyOf(findings);
    }

    /** The etrap-v1 tree over the leaf hashes read, or empty when no leaf could be read. */
    public Optional<EtrapTree> recomputedTree() {
        return leafHashes.isEmpty() ? Optional.empty() : Optional.of(EtrapTree.of(leafHashes));
    }

    /** The root recomputed from the leaves (what the token must carry), or null when no leaf could be read. */
    public String recomputedRoot() {
        return recomputedTree().map(EtrapTree::root).orElse(null);
    }

    /** The leaf's index in the batch, or -1. Leaf hashes are compared in lowercase hex. */
    public int indexOf(String leafHash) {
        return leafHashes.indexOf(leafHash.toLowerCase());
    }

    /** True when every finding is a harmless quirk of the agent. */
    public boolean intact() {
        return findings.stream().noneMatch(f -> f.kind().breaksVerification());
    }

    /** The defects as one line each ({@code KIND object: detail}), for verdicts and reports. */
    public List<String> problems() {
        return defects().stream().map(f -> f.kind() + " " + f.object() + ": " + f.detail()).toList();
    }

    public List<LegacyFinding> defects() {
        List<LegacyFinding> defects = new ArrayList<>();
        findings.stream().filter(f -> f.kind().breaksVerification()).forEach(defects::add);
        return defects;
    }
}
