package io.edgeledger.ledger.etrap;

import java.util.List;

/**
 * etrap-v1 proof verification as the SDK (sibling positions) and the notary contract (index parity)
 * do it, plus the bounds check both lack: a padding leaf's hash chain verifies, so only
 * {@code leafIndex < originalCount} rejects it.
 */
public final class EtrapVerifier {
    private EtrapVerifier() {}

    /** SDK: fold with sibling_positions; root compared as text (case-sensitive). */
    public static boolean verifyPositional(String leafHash, List<String> proofPath, List<String> positions, String root) {
        if (proofPath.size() != positions.size()) {
            return false;
        }
        String cur = leafHash;
        for (int i = 0; i < proofPath.size(); i++) {
            String sib = proofPath.get(i);
            switch (positions.get(i)) {
                case "left" -> cur = EtrapLeaf.sha256Hex(sib + cur);
                case "right" -> cur = EtrapLeaf.sha256Hex(cur + sib);
                default -> {
                    return false;
                }
            }
        }
        return cur.equals(root);
    }

    /** Contract: the index's parity picks the side at each level; a 0x prefix is ignored. */
    public static boolean verifyIndexed(String leafHash, long leafIndex, List<String> proofPath, String root) {
        if (leafIndex < 0) {
            return false;
        }
        String cur = strip0x(leafHash);
        long index = leafIndex;
        for (String p : proofPath) {
            String sib = strip0x(p);
            cur = index % 2 == 0 ? EtrapLeaf.sha256Hex(cur + sib) : EtrapLeaf.sha256Hex(sib + cur);
            index /= 2;
        }
        return cur.equals(strip0x(root));
    }

    /** Both verifiers must agree, and the index must address an original (not padding) leaf. */
    public static boolean verify(String leafHash, long leafIndex, long originalCount, List<String> proofPath, List<String> positions,
            String root) {
        return inBounds(leafIndex, originalCount) && verifyPositional(leafHash, proofPath, positions, root)
                && verifyIndexed(leafHash, leafIndex, proofPath, root);
    }

    public static boolean inBounds(long leafIndex, long originalCount) {
        return leafIndex >= 0 && leafIndex < originalCount;
    }

    private static String strip0x(String s) {
        return s.startsWith("0x") ? s.substring(2) : s;
    }
}
