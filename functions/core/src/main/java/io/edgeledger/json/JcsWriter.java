package io.edgeledger.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) serialization: no whitespace, members sorted by UTF-16 code units
 * ({@link String#compareTo}), strings escaped like ECMAScript JSON.stringify. Number tokens are
 * written verbatim: callers put canonical (ECMAScript) number text into the tree, see
 * {@link NumberFormats#ecmascript(double)}.
 */
public final class JcsWriter {
    private JcsWriter() {}

    public static String write(JsonValue value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    public static byte[] bytes(JsonValue value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static void write(JsonValue value, StringBuilder sb) {
        switch (value) {
            case JsonNull n -> sb.append("null");
            case JsonBoolean b -> sb.append(b.value());
            case JsonNumber n -> sb.append(n.text());
            case JsonString s -> string(s.value(), sb);
            case JsonArray a -> {
                sb.append('[');
                boolean first = true;
                for (JsonValue item : a.items()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    write(item, sb);
                }
                sb.append(']');
            }
            case JsonObject o -> {
                List<Map.Entry<String, JsonValue>> members = new ArrayList<>(o.members().entrySet());
                members.sort(Map.Entry.comparingByKey());
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> m : members) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    string(m.getKey(), sb);
                    sb.append(':');
                    write(m.getValue(), sb);
                }
                sb.append('}');
            }
        }
    }

    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
