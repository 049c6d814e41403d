package io.edgeledger.json;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The text and punctuation the compact writers share ({@link JcsWriter}, {@link PythonJsonWriter}, {@link CompactJsonWriter}):
 * no whitespace, {@code [a,b]} and {@code {"k":v,...}}. They differ only in member order, string escapes and number
 * text, which each passes in.
 */
final class CompactSyntax {
    private CompactSyntax() {}

    /** The text {@code write} makes of {@code value}. */
    static String text(JsonValue value, BiConsumer<JsonValue, StringBuilder> write) {
        StringBuilder sb = new StringBuilder();
        write.accept(value, sb);
        return sb.toString();
    }

    static void array(List<JsonValue> items, StringBuilder sb, BiConsumer<JsonValue, StringBuilder> item) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            item.accept(items.get(i), sb);
        }
        sb.append(']');
    }

    static void object(Iterable<Map.Entry<String, JsonValue>> members, StringBuilder sb,
            BiConsumer<String, StringBuilder> key, BiConsumer<JsonValue, StringBuilder> value) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> m : members) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            key.accept(m.getKey(), sb);
            sb.append(':');
            value.accept(m.getValue(), sb);
        }
        sb.append('}');
    }
}
