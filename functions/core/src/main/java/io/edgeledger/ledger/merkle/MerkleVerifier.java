package io.edgeledger.ledger.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of RFC 6962 inclusion and consistency proofs, following the algorithms of RFC 9162
 * sections 2.1.3.2 and 2.1.4.2: they also pin the proof length to the index and sizes, so a proof for
 * a wrong index or size fails even when some hash chain could be made to match.
 */
public final class MerkleVerifier {
    private MerkleVerifier() {}

    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> auditPath, byte[] root) {
        if (index < 0 || treeSize <= 0 || index >= treeSize || leafHash.length != Rfc6962.HASH_SIZE) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            if (sn == 0 || p.length != Rfc6962.HASH_SIZE) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (firstSize < 0 || secondSize < firstSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            // the empty tree is a prefix of every tree; nothing to prove
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, Rfc6962.emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        for (byte[] p : proof) {
            if (p.length != Rfc6962.HASH_SIZE) {
                return false;
            }
        }
        List<byte[]> path = proof;
        if (Long.bitCount(firstSize) == 1) { // old tree is a complete subtree: its root starts the chain
            path = new java.util.ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** Convenience for callers holding hex (S3 objects, CLI, API). */
    public static List<byte[]> parseHashes(List<String> hex) {
        return hex.stream().map(Hex::parseHash).toList();
    }
}
