package io.edgeledger.ledger.merkle;

import java.security.MessageDigest;

/**
 * RFC 6962 section 2.1 hashing: leaf hash = SHA-256(0x00 || data), node hash = SHA-256(0x01 || left ||
 * right); the domain-separation prefixes stop a leaf from posing as an interior node.
 */
public final class Rfc6962 {
    public static final int HASH_SIZE = 32;
    /** MTH({}) = SHA-256 of the empty string. */
    public static final String EMPTY_ROOT_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Rfc6962() {}

    public static byte[] leafHash(byte[] leafData) {
        MessageDigest md = Sha256.threadDigest();
        md.update((byte) 0);
        return md.digest(leafData);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = Sha256.threadDigest();
        md.update((byte) 1);
        md.update(left);
        return md.digest(right);
    }

    public static byte[] emptyRoot() {
        return Sha256.digest(new byte[0]);
    }
}
