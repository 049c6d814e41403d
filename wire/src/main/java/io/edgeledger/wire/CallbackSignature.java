package io.edgeledger.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The probe-to-backend request signature of DESIGN.md 2.5, used by both sides (the probe signs, the API verifies)
 * so the canonical form can never drift between them.
 *
 * <p>Canonical string, fields joined by a single {@code \n}:
 * <pre>timestamp \n nonce \n METHOD \n path \n sha256hex(body)</pre>
 * <ul>
 *   <li>{@code timestamp}: unix seconds, decimal, as sent in {@value #HEADER_TIMESTAMP};</li>
 *   <li>{@code nonce}: 32 lower-case hex chars (128 bits), as sent in {@value #HEADER_NONCE};</li>
 *   <li>{@code METHOD}: upper-case HTTP method;</li>
 *   <li>{@code path}: the raw (still percent-encoded) URL path as sent, WITHOUT the query string,
 *       e.g. {@code /v1/probes/p-1/jobs} for {@code GET /v1/probes/p-1/jobs?wait=20};</li>
 *   <li>{@code sha256hex(body)}: lower-case hex SHA-256 of the body bytes exactly as on the wire, i.e. AFTER any
 *       Content-Encoding such as gzip (so the server verifies before it inflates anything); an empty body
 *       hashes the empty string.</li>
 * </ul>
 * The key is the UTF-8 bytes of the probe secret string as issued at enrollment. The header value is
 * {@code v1=} followed by the lower-case hex HMAC-SHA256.
 */
public final class CallbackSignature {
    public static final String HEADER_PROBE = "X-EdgeLedger-Probe";
    public static final String HEADER_TIMESTAMP = "X-EdgeLedger-Timestamp";
    public static final String HEADER_NONCE = "X-EdgeLedger-Nonce";
    public static final String HEADER_SIGNATURE = "X-EdgeLedger-Signature";
    public static final String VERSION_PREFIX = "v1=";
    /** Largest accepted |server clock - request timestamp|. */
    public static final long MAX_SKEW_SECONDS = 300;
    /** How long a server must remember a nonce to refuse its reuse (longer than twice the skew window). */
    public static final long NONCE_TTL_SECONDS = 600;

    private static final HexFormat HEX = HexFormat.of();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallbackSignature(String probeSecret) {
        this(Objects.requireNonNull(probeSecret, "probe secret").getBytes(StandardCharsets.UTF_8));
    }

    public CallbackSignature(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("probe secret is empty: enroll the probe and configure its secret file");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The exact string that is MACed. Public so both sides and their tests can show it when debugging a 401. */
    public static String canonical(long timestamp, String nonce, String method, String path, byte[] body) {
        return timestamp + "\n" + nonce + "\n" + method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + sha256Hex(body);
    }

    /** The canonical path of a request URI: its raw path without the query (see the class comment). */
    public static String canonicalPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code v1=<hex hmac>} for the request. */
    public String sign(long timestamp, String nonce, String method, String path, byte[] body) {
        return VERSION_PREFIX + HEX.formatHex(mac(canonical(timestamp, nonce, method, path, body)));
    }

    /** The four headers to put on a request, in a stable order. */
    public Map<String, String> headers(String probeId, Instant now, String nonce, String method, String path, byte[] body) {
        long ts = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_PROBE, probeId);
        headers.put(HEADER_TIMESTAMP, Long.toString(ts));
        headers.put(HEADER_NONCE, nonce);
        headers.put(HEADER_SIGNATURE, sign(ts, nonce, method, path, body));
        return headers;
    }

    /**
     * True when {@code signatureHeader} is the right {@code v1=} signature for the request. The comparison is
     * constant-time over the MAC bytes; a malformed header (wrong prefix, not hex, wrong length) is simply false.
     * Skew and nonce reuse are separate checks: see {@link #withinSkew} and {@link #parseTimestamp}.
     */
    public boolean verify(String signatureHeader, long timestamp, String nonce, String method, String path, byte[] body) {
        if (signatureHeader == null || !signatureHeader.startsWith(VERSION_PREFIX) || nonce == null || method == null
                || path == null) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(signatureHeader.substring(VERSION_PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        byte[] expected = mac(canonical(timestamp, nonce, method, path, body));
        return MessageDigest.isEqual(expected, given);
    }

    /** Whether a request timestamp is within {@code maxSkewSeconds} of the server's clock, in either direction. */
    public static boolean withinSkew(long timestamp, Instant now, long maxSkewSeconds) {
        return Math.abs(now.getEpochSecond() - timestamp) <= maxSkewSeconds;
    }

    public static boolean withinSkew(long timestamp, Instant now) {
        return withinSkew(timestamp, now, MAX_SKEW_SECONDS);
    }

    /** Parses the timestamp header; throws {@link SignatureFormatException} with a message fit for a 401 body. */
    public static long parseTimestamp(String header) {
        if (header == null || header.isEmpty() || header.length() > 19 || !header.chars().allMatch(Character::isDigit)) {
            throw new SignatureFormatException(HEADER_TIMESTAMP + " must be unix seconds, got: " + header);
        }
        return Long.parseLong(header);
    }

    /** Whether a nonce header is well formed: 32 lower- or upper-case hex chars. */
    public static boolean validNonce(String nonce) {
        if (nonce == null || nonce.length() != 32) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            if (Character.digit(nonce.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A fresh 128-bit nonce, 32 lower-case hex chars. */
    public static String newNonce(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private byte[] mac(String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    /** A signature header that cannot even be parsed; maps to HTTP 401. */
    public static final class SignatureFormatException extends IllegalArgumentException {
        public SignatureFormatException(String message) {
            super(message);
        }
    }
}
