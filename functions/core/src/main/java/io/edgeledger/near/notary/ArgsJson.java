package io.edgeledger.near.notary;

import io.edgeledger.wire.JsonStrings;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes contract-call arguments as JSON text with member order kept. Two styles: {@link Style#COMPACT} (what we
 * send) and {@link Style#PYTHON} (Python {@code json.dumps} defaults, byte-identical to the original agent).
 * Non-ASCII is escaped as {@code \\uXXXX} when {@code asciiOnly}, as Python's ensure_ascii does.
 */
public final class ArgsJson {
    public enum Style {
        COMPACT(",", ":"), PYTHON(", ", ": ");

        final String itemSeparator;
        final String keySeparator;

        Style(String itemSeparator, String keySeparator) {
            this.itemSeparator = itemSeparator;
            this.keySeparator = keySeparator;
        }
    }

    private final Style style;
    private final boolean asciiOnly;
    private final StringBuilder out = new StringBuilder(512);

    private ArgsJson(Style style, boolean asciiOnly) {
        this.style = style;
        this.asciiOnly = asciiOnly;
    }

    /** Values: null, String, Boolean, Integer/Long/BigInteger, List, Map (in its iteration order). */
    public static String write(Object value, Style style, boolean asciiOnly) {
        ArgsJson writer = new ArgsJson(style, asciiOnly);
        writer.value(value);
        return writer.out.toString();
    }

    private void value(Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case BigInteger b -> out.append(b);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(style.itemSeparator);
                    }
                    first = false;
                    string(String.valueOf(e.getKey()));
                    out.append(style.keySeparator);
                    value(e.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(style.itemSeparator);
                    }
                    value(list.get(i));
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON args");
        }
    }

    private void string(String s) {
        JsonStrings.quote(s, out, asciiOnly ? JsonStrings.Escapes.ASCII : JsonStrings.Escapes.ECMASCRIPT);
    }
}
