package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.etrap.EtrapTree;
import java.util.List;
import java.util.Map;

/**
 * The padded hex-string tree as the agent stored it: root, sizes, the level-0 nodes (originals then padding) and
 * the proof it stored per original leaf ({@code proof_index["tx-i"]}), keyed by leaf index.
 */
public record LegacyTree(String root, int height, int originalCount, int paddedCount, List<String> levelZero,
        Map<Integer, EtrapTree.Proof> proofs) {}
