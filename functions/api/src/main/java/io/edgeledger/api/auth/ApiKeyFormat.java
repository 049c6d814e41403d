package io.edgeledger.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Operator API keys: {@code elk_} + 64 hex chars (256 random bits). Only a hash of the key is stored (HMAC-SHA256 with
 * the pepper, see {@link OperatorKeyPepper}; plain SHA-256 without one); a key has
 * enough entropy that a plain hash (no salt, no stretching) cannot be brute-forced, and it lets the server find the
 * key by its hash in one lookup. Plain Java so the create-key command can use it without booting Quarkus.
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "elk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {}

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** HMAC-SHA256(pepper, key) in hex: how keys are stored when the API has its pepper (see OperatorKeyPepper). */
    public static String hmac(String pepper, String key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    /** What the log may show of a key: its hash's first 8 chars, never the key. */
    public static String fingerprint(String hash) {
        return hash.substring(0, 8);
    }
}
