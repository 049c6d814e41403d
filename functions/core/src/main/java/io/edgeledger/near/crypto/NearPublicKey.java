package io.edgeledger.near.crypto;

import io.edgeledger.near.codec.Base58;
import java.util.Arrays;
import java.util.HexFormat;

/** An ed25519 public key, written {@code ed25519:<base58>} as NEAR tools and RPC show it. */
public final class NearPublicKey {
    public static final String PREFIX = "ed25519:";
    private final byte[] bytes;

    public NearPublicKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("an ed25519 public key is 32 bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** Parses {@code ed25519:<base58>}; a bare base58 string is accepted too, as near-cli does. */
    public static NearPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidKeyException("public key is empty");
        }
        String body = stripEd25519Prefix(text.trim(), "public key");
        try {
            return new NearPublicKey(Base58.decode(body, 32, "public key"));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(e.getMessage());
        }
    }

    static String stripEd25519Prefix(String text, String what) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return text;
        }
        String type = text.substring(0, colon);
        if (!type.equals("ed25519")) {
            throw new InvalidKeyException(what + " has key type '" + type + "'; only ed25519 is supported");
        }
        return text.substring(colon + 1);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The implicit account id of this key: its hex. */
    public String implicitAccountId() {
        return hex();
    }

    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(bytes, message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearPublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return PREFIX + Base58.encode(bytes);
    }
}
