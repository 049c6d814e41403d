package io.edgeledger.near.crypto;

import io.edgeledger.near.codec.Base58;
import java.util.Arrays;

/**
 * An ed25519 signing key: the 32-byte seed and its public key. NEAR tools write the secret as
 * {@code ed25519:<base58(seed || public key)>}. {@link #toString()} never shows the secret.
 */
public final class NearKeyPair {
    private final byte[] seed;
    private final NearPublicKey publicKey;

    private final java.security.PrivateKey privateKey;

    private NearKeyPair(byte[] seed, NearPublicKey publicKey) {
        this.seed = seed;
        this.publicKey = publicKey;
        try {
            this.privateKey = Ed25519.privateKey(seed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an Ed25519 key: " + e.getMessage(), e);
        }
    }

    public static NearKeyPair fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new InvalidKeyException("an ed25519 seed is 32 bytes, got " + seed.length);
        }
        return new NearKeyPair(seed.clone(), new NearPublicKey(Ed25519.publicKeyOf(seed)));
    }

    public static NearKeyPair generate() {
        return fromSeed(Ed25519.newSeed());
    }

    /**
     * Parses a secret key as near-cli stores it: 64 bytes (seed then public key), checking that the public
     * half belongs to the seed. A bare 32-byte seed is accepted as well.
     */
    public static NearKeyPair parseSecretKey(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidKeyException("secret key is empty");
        }
        String body = NearPublicKey.stripEd25519Prefix(text.trim(), "secret key");
        byte[] raw;
        try {
            raw = Base58.decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("secret key is not base58");
        }
        if (raw.length == 32) {
            return fromSeed(raw);
        }
        if (raw.length != 64) {
            throw new InvalidKeyException("secret key must decode to 64 bytes (seed + public key), got " + raw.length);
        }
        NearKeyPair pair = fromSeed(Arrays.copyOf(raw, 32));
        if (!Arrays.equals(pair.publicKey.bytes(), Arrays.copyOfRange(raw, 32, 64))) {
            throw new InvalidKeyException("secret key is inconsistent: its public half does not match its seed");
        }
        Arrays.fill(raw, (byte) 0);
        return pair;
    }

    public NearPublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** The secret in near-cli form; only for writing a credentials file. */
    public String secretKeyString() {
        byte[] full = Arrays.copyOf(seed, 64);
        System.arraycopy(publicKey.bytes(), 0, full, 32, 32);
        return NearPublicKey.PREFIX + Base58.encode(full);
    }

    @Override
    public String toString() {
        return "NearKeyPair[" + publicKey + ", secret=<redacted>]";
    }
}
