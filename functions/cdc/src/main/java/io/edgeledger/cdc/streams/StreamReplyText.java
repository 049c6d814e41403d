package io.edgeledger.cdc.streams;

import java.nio.charset.StandardCharsets;

/** Reads a reply value (bulk bytes or status) as UTF-8 text. */
public final class StreamReplyText {
    private StreamReplyText() {}

    public static String of(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : reply == null ? null : reply.toString();
    }
}
