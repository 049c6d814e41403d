package io.edgeledger.cdc.redis;

import java.nio.charset.StandardCharsets;

/** UTF-8 between the CDC's names and Redis's bytes. */
public final class RedisText {
    private RedisText() {}

    public static byte[] of(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] of(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    /** A reply value (bulk bytes, or a status/number) as text; null stays null. */
    public static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : reply == null ? null : reply.toString();
    }
}
