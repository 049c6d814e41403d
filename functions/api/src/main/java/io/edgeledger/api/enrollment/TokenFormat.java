package io.edgeledger.api.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code elt_<token id: 12 hex>_<secret: 64 hex>}. The id finds the record (and is what operators list and revoke);
 * only the SHA-256 of the whole token is stored, so Redis never holds a usable token.
 */
final class TokenFormat {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern TOKEN = Pattern.compile("elt_([0-9a-f]{12})_[0-9a-f]{64}");
    static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{12}");

    private TokenFormat() {}

    record Issued(String id, String token) {
        @Override
        public String toString() {
            return "Issued[" + id + "]";
        }
    }

    static Issued issue() {
        String id = random(6);
        return new Issued(id, "elt_" + id + "_" + random(32));
    }

    /** The token id, when the token is well formed. */
    static Optional<String> idOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String hash(String token) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(token.trim().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
