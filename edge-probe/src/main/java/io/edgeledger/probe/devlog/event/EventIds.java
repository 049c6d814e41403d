package io.edgeledger.probe.devlog.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic event ids: sha256 hex of "agentId|sessionId|nativeId|eventType", so restarts and the backend can dedupe. */
public final class EventIds {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    });

    private EventIds() {}

    public static String of(String agentId, String sessionId, String nativeId, String eventType) {
        String key = agentId + "|" + sessionId + "|" + nativeId + "|" + eventType;
        return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
