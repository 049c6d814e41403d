package io.edgeledger.json;

import java.util.Map;

/** Compact JSON keeping member order and number tokens as they are (re-serializing input faithfully). */
public final class CompactJsonWriter {
    private CompactJsonWriter() {}

    public static String write(JsonValue value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(JsonValue value, StringBuilder sb) {
        switch (value) {
            case JsonArray a -> {
                sb.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(a.items().get(i), sb);
                }
                sb.append(']');
            }
            case JsonObject o -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    JcsWriter.string(m.getKey(), sb);
                    sb.append(':');
                    write(m.getValue(), sb);
                }
                sb.append('}');
            }
            default -> JcsWriter.write(value, sb);
        }
    }
}
