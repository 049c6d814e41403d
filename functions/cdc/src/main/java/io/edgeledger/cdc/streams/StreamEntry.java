package io.edgeledger.cdc.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a Redis stream: its id and its field/value pairs in XRANGE order, as raw bytes.
 * {@code fields} is null when the entry was deleted from the stream while still pending.
 */
public record StreamEntry(String stream, EntryId id, List<byte[]> fields) {

    /** Bytes of the field names and values (what a batch's byte cap counts); 0 for a deleted entry. */
    public long sizeBytes() {
        if (fields == null) {
            return 0;
        }
        long n = 0;
        for (byte[] field : fields) {
            n += field.length;
        }
        return n;
    }

    public boolean deleted() {
        return fields == null;
    }

    /** Field names and values as UTF-8 text, in order (name, value, name, value, ...). */
    public List<String> fieldTexts() {
        List<String> texts = new ArrayList<>(fields.size());
        for (byte[] field : fields) {
            texts.add(new String(field, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
