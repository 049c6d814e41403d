package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one request (header form): canonical request, string to sign, the
 * derived signing key and the {@code Authorization} header. Pure: the caller passes the time, the
 * canonical (already encoded) path and query, the headers to sign and the payload hash.
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final S3Credentials credentials;
    private final String region;
    private final String service;
    /** The derived key depends only on the day: derive it once per day, not per request. */
    private volatile DayKey dayKey;

    private record DayKey(String day, byte[] key) {}

    SigV4(S3Credentials credentials, String region, String service) {
        this.credentials = credentials;
        this.region = region;
        this.service = service;
    }

    static String amzDate(Instant now) {
        return AMZ_DATE.format(now);
    }

    /**
     * The Authorization header value. {@code headers}: lower-case names to trimmed values, including
     * {@code host} and {@code x-amz-date} (and {@code x-amz-security-token} with temporary credentials).
     */
    String authorization(String method, String canonicalPath, String canonicalQuery, SortedMap<String, String> headers,
            String payloadHash) {
        String amzDate = headers.get("x-amz-date");
        if (amzDate == null || amzDate.length() < 8) {
            throw new IllegalArgumentException("x-amz-date must be among the signed headers");
        }
        String day = amzDate.substring(0, 8);
        StringBuilder canonical = new StringBuilder(256).append(method).append('\n').append(canonicalPath).append('\n')
                .append(canonicalQuery).append('\n');
        StringJoiner signed = new StringJoiner(";");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            canonical.append(h.getKey()).append(':').append(h.getValue()).append('\n');
            signed.add(h.getKey());
        }
        canonical.append('\n').append(signed).append('\n').append(payloadHash);
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + Hex.of(Sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        String signature = Hex.of(hmac(signingKey(day), stringToSign));
        return ALGORITHM + " Credential=" + credentials.accessKey() + "/" + scope + ",SignedHeaders=" + signed
                + ",Signature=" + signature;
    }

    private byte[] signingKey(String day) {
        DayKey cached = dayKey;
        if (cached != null && cached.day().equals(day)) {
            return cached.key();
        }
        byte[] key = hmac(("AWS4" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        dayKey = new DayKey(day, key);
        return key;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    /** RFC 3986 percent-encoding as SigV4 wants it: unreserved characters stay, {@code /} too when {@code keepSlash}. */
    static String uriEncode(String text, boolean keepSlash) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
