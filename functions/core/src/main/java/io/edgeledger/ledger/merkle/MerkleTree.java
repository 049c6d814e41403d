package io.edgeledger.ledger.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 6962 Merkle tree kept level by level in flat byte arrays (32 bytes per node). Pairing nodes
 * left to right and carrying an unpaired last node up unchanged gives exactly MTH of RFC 6962 (which
 * splits at the largest power of two below n); level L, node j holds MTH(D[j*2^L : min((j+1)*2^L, n)]),
 * which is what audit paths (PATH) and consistency proofs (PROOF) are made of.
 */
public final class MerkleTree {
    private final int size;
    private final byte[][] levels; // levels[0] = leaf hashes, last = root (when size > 0)

    private MerkleTree(int size, byte[][] levels) {
        this.size = size;
        this.levels = levels;
    }

    /** Builds the tree over leaf data: each entry is hashed as an RFC 6962 leaf. */
    public static MerkleTree fromLeafData(List<byte[]> leaves) {
        MessageDigest md = Sha256.newDigest();
        byte[] hashes = new byte[leaves.size() * Rfc6962.HASH_SIZE];
        try {
            for (int i = 0; i < leaves.size(); i++) {
                md.update((byte) 0);
                md.update(leaves.get(i));
                md.digest(hashes, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
            }
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return fromFlatLeafHashes(hashes, md);
    }

    /** Builds the tree over already computed leaf hashes (32 bytes each). */
    public static MerkleTree fromLeafHashes(List<byte[]> leafHashes) {
        byte[] flat = new byte[leafHashes.size() * Rfc6962.HASH_SIZE];
        for (int i = 0; i < leafHashes.size(); i++) {
            byte[] h = leafHashes.get(i);
            if (h.length != Rfc6962.HASH_SIZE) {
                throw new IllegalArgumentException("leaf hash " + i + " has " + h.length + " bytes, expected 32");
            }
            System.arraycopy(h, 0, flat, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
        }
        return fromFlatLeafHashes(flat, Sha256.newDigest());
    }

    private static MerkleTree fromFlatLeafHashes(byte[] leafHashes, MessageDigest md) {
        int n = leafHashes.length / Rfc6962.HASH_SIZE;
        List<byte[]> levels = new ArrayList<>();
        levels.add(leafHashes);
        byte[] current = leafHashes;
        int count = n;
        try {
            while (count > 1) {
                int parents = (count + 1) / 2;
                byte[] next = new byte[parents * Rfc6962.HASH_SIZE];
                for (int j = 0; j < count / 2; j++) {
                    md.update((byte) 1);
                    md.update(current, 2 * j * Rfc6962.HASH_SIZE, 2 * Rfc6962.HASH_SIZE);
                    md.digest(next, j * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
                }
                if (count % 2 == 1) { // unpaired right edge moves up as is
                    System.arraycopy(current, (count - 1) * Rfc6962.HASH_SIZE, next, (parents - 1) * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
                }
                levels.add(next);
                current = next;
                count = parents;
            }
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return new MerkleTree(n, levels.toArray(new byte[0][]));
    }

    public int size() {
        return size;
    }

    /** MTH(D[n]); SHA-256("") for the empty tree. */
    public byte[] root() {
        return size == 0 ? Rfc6962.emptyRoot() : node(levels.length - 1, 0);
    }

    public byte[] leafHash(int index) {
        checkIndex(index, size, "leaf index");
        return node(0, index);
    }

    /** MTH of the first {@code treeSize} leaves: the root this tree had at that size. */
    public byte[] rootAt(int treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + size);
        }
        return treeSize == 0 ? Rfc6962.emptyRoot() : subtreeHash(0, treeSize);
    }

    /** RFC 6962 PATH(index, D[n]): sibling hashes from the leaf up. */
    public List<byte[]> inclusionProof(int index) {
        checkIndex(index, size, "leaf index");
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int level = 0; level < levels.length - 1; level++) {
            int sibling = i ^ 1;
            if (sibling < count(level)) {
                path.add(node(level, sibling));
            }
            i >>= 1;
        }
        return path;
    }

    /** RFC 6962 PROOF(m, D[n]): proves the tree of the first {@code oldSize} leaves is a prefix of this one. */
    public List<byte[]> consistencyProof(int oldSize) {
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("old tree size " + oldSize + " is outside 0.." + size);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize == 0 || oldSize == size) {
            return proof;
        }
        subProof(oldSize, 0, size, true, proof);
        return proof;
    }

    private void subProof(int m, int start, int end, boolean wholeOldTree, List<byte[]> out) {
        int n = end - start;
        if (m == n) {
            if (!wholeOldTree) {
                out.add(subtreeHash(start, end));
            }
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            subProof(m, start, start + k, wholeOldTree, out);
            out.add(subtreeHash(start + k, end));
        } else {
            subProof(m - k, start + k, end, false, out);
            out.add(subtreeHash(start, start + k));
        }
    }

    /** MTH(D[start:end]), read from the stored levels where the range is a stored node. */
    private byte[] subtreeHash(int start, int end) {
        int n = end - start;
        int level = n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        int width = 1 << level;
        if (start % width == 0 && (n == width || end == size)) {
            return node(level, start >> level);
        }
        int k = Integer.highestOneBit(n - 1);
        return Rfc6962.nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
    }

    private int count(int level) {
        return levels[level].length / Rfc6962.HASH_SIZE;
    }

    private byte[] node(int level, int index) {
        int from = index * Rfc6962.HASH_SIZE;
        return Arrays.copyOfRange(levels[level], from, from + Rfc6962.HASH_SIZE);
    }

    private static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(what + " " + index + " is outside 0.." + (size - 1) + " (tree size " + size + ")");
        }
    }
}
