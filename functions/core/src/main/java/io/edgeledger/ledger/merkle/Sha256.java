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

    /**
     * One digest per thread, reset by every {@code digest()} call: the seal path hashes a leaf per event and
     * each object once, and the JDK's SHA-256 (SHA-NI / AVX2 intrinsics) is cheaper than a clone per call.
     * Callers must finish with {@code digest()} before handing the thread to other hashing code.
     */
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(Sha256::newDigest);

    public static MessageDigest threadDigest() {
        MessageDigest md = PER_THREAD.get();
        md.reset(); // a caller that threw between update() and digest() left state behind
        return md;
    }

    public static byte[] digest(byte[] data) {
        return threadDigest().digest(data);
    }
}
