package io.edgeledger.debezium;

import java.util.List;
import java.util.Map;

/**
 * Reads a Redis Stream entry written by Debezium Server's Redis sink. Extended format: fields
 * {@code key} and {@code value} (further upper-cased fields are record headers and ignored);
 * compact format (the sink's default): one field whose name is the key text and whose value is the
 * value text. The sink writes a null key / value as a placeholder string ({@code default}).
 */
public final class RedisEntryFormat {
    public static final String DEFAULT_NULL_PLACEHOLDER = "default";

    private RedisEntryFormat() {}

    public static RawRecord toRecord(List<Map.Entry<String, String>> fields, String nullPlaceholder) {
        if (fields == null) {
            throw new DebeziumException(DebeziumError.ENTRY_FORMAT, "the entry has no fields");
        }
        int values = 0;
        int keys = 0;
        String key = null;
        String value = null;
        for (Map.Entry<String, String> f : fields) {
            if ("value".equals(f.getKey())) {
                values++;
                value = f.getValue();
            } else if ("key".equals(f.getKey())) {
                keys++;
                key = f.getValue();
            }
        }
        if (values > 0) {
            if (values != 1 || keys != 1) {
                throw new DebeziumException(DebeziumError.ENTRY_FORMAT,
                        "extended entry must have exactly one 'key' and one 'value' field, found " + keys + " key and " + values + " value fields");
            }
            return new RawRecord(nullable(key, nullPlaceholder), nullable(value, nullPlaceholder));
        }
        if (fields.size() == 1) {
            Map.Entry<String, String> only = fields.get(0);
            return new RawRecord(nullable(only.getKey(), nullPlaceholder), nullable(only.getValue(), nullPlaceholder));
        }
        throw new DebeziumException(DebeziumError.ENTRY_FORMAT,
                "entry has " + fields.size() + " fields and no 'value' field: neither extended nor compact format");
    }

    private static String nullable(String text, String placeholder) {
        return text == null || text.equals(placeholder) ? null : text;
    }
}
