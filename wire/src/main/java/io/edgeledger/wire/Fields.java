package io.edgeledger.wire;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the records share; each failure is an {@link InvalidFieldException} naming the field. */
final class Fields {
    /** Most entries one batch may carry in one array. */
    static final int MAX_ITEMS = 10_000;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Fields() {}

    static String required(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.isEmpty()) {
            throw new InvalidFieldException(field, "must be a non-empty string");
        }
        return value;
    }

    /** Null stays null; an empty string does not pass. */
    static String optional(String field, String value) {
        return value == null ? null : required(field, value);
    }

    static String oneOf(String field, String value, Set<String> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw new InvalidFieldException(field, "must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    /** What every payload starts with: its {@code batch_id} and, when given, the sending probe's {@code probe_id}. */
    static void batch(String batchId, String probeId) {
        batchId(batchId);
        optional("probe_id", probeId);
    }

    private static String batchId(String value) {
        required("batch_id", value);
        if (!BATCH_ID.matcher(value).matches()) {
            throw new InvalidFieldException("batch_id", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /** A required array of at most {@link #MAX_ITEMS} non-null entries, copied. */
    static <T> List<T> items(String field, Collection<T> values) {
        if (values == null) {
            throw new InvalidFieldException(field, "must be an array");
        }
        if (values.size() > MAX_ITEMS) {
            throw new InvalidFieldException(field, "has " + values.size() + " entries; at most " + MAX_ITEMS + " per batch");
        }
        int i = 0;
        for (T value : values) {
            if (value == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "must not be null");
            }
            i++;
        }
        return List.copyOf(values);
    }

    /** Tags are optional; when given, every one is a non-null string. */
    static List<String> tags(String field, List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "must be a string like 'env:prod'");
            }
        }
        return List.copyOf(tags);
    }
}
