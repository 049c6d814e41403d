package io.edgeledger.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests; every JDK ships the algorithm, so its absence is a broken runtime. */
public final class Sha256 {
    private Sha256() {}

    /** Never updated, only cloned: cloning skips the provider lookup of getInstance on every leaf. */
    private static final MessageDigest PROTOTYPE = lookup();

    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return lookup();
        }
    }

    private static MessageDigest lookup() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    public static byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }
}
