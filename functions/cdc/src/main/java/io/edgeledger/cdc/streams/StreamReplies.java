package io.edgeledger.cdc.streams;

import io.edgeledger.cdc.redis.RedisText;
import java.util.ArrayList;
import java.util.List;

/** Decodes XREADGROUP / XRANGE / XAUTOCLAIM entry arrays into {@link StreamEntry} values. */
final class StreamReplies {
    private StreamReplies() {}

    @SuppressWarnings("unchecked")
    static List<StreamEntry> entries(String stream, Object reply) {
        if (reply == null) {
            return List.of();
        }
        List<Object> items = (List<Object>) reply;
        List<StreamEntry> entries = new ArrayList<>(items.size());
        for (Object item : items) {
            List<Object> pair = (List<Object>) item;
            EntryId id = EntryId.parse(RedisText.text(pair.get(0)));
            Object fields = pair.get(1);
            entries.add(new StreamEntry(stream, id, fields == null ? null : (List<byte[]>) (List<?>) fields));
        }
        return entries;
    }
}
