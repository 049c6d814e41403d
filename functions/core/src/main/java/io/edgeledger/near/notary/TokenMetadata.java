package io.edgeledger.near.notary;

import java.util.LinkedHashMap;
import java.util.Map;

/** NEP-177 TokenMetadata; every field optional. Timestamps are strings (ms since epoch), as the standard has them. */
public record TokenMetadata(String title, String description, String media, String mediaHash, Long copies,
                            String issuedAt, String expiresAt, String startsAt, String updatedAt, String extra,
                            String reference, String referenceHash) {

    public static TokenMetadata empty() {
        return new TokenMetadata(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** In the standard's field order; {@code keepNulls} writes absent fields as null (what the Python agent sent). */
    public Map<String, Object> toArgs(boolean keepNulls) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "title", title, keepNulls);
        put(m, "description", description, keepNulls);
        put(m, "media", media, keepNulls);
        put(m, "media_hash", mediaHash, keepNulls);
        put(m, "copies", copies, keepNulls);
        put(m, "issued_at", issuedAt, keepNulls);
        put(m, "expires_at", expiresAt, keepNulls);
        put(m, "starts_at", startsAt, keepNulls);
        put(m, "updated_at", updatedAt, keepNulls);
        put(m, "extra", extra, keepNulls);
        put(m, "reference", reference, keepNulls);
        put(m, "reference_hash", referenceHash, keepNulls);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value, boolean keepNulls) {
        if (value != null || keepNulls) {
            m.put(key, value);
        }
    }
}
