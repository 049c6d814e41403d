package io.edgeledger.wire;

/**
 * The one JSON string escaper for the hand-written writers (canonical JCS, Python-compatible and NEAR argument JSON
 * in the core, the traceroute result on the probe). Their rules agree on {@code "}, {@code \}, {@code \n}, {@code \r},
 * {@code \t} and {@code \}{@code u00xx} for other controls; they differ only where {@link Escapes} says.
 */
public final class JsonStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Where the writers differ. */
    public enum Escapes {
        /** ECMAScript / RFC 8785: {@code \b} and {@code \f} short, everything from U+0020 up as is. */
        ECMASCRIPT(true, false),
        /** As ECMAScript, and every character past '~' as {@code \}{@code uXXXX} (Python's ensure_ascii). */
        ASCII(true, true),
        /** datadog-traceroute's (Go) output: backspace and form feed as {@code \}{@code u0008}, {@code \}{@code u000c}. */
        GO(false, false);

        private final boolean shortBackspaceFormFeed;
        private final boolean asciiOnly;

        Escapes(boolean shortBackspaceFormFeed, boolean asciiOnly) {
            this.shortBackspaceFormFeed = shortBackspaceFormFeed;
            this.asciiOnly = asciiOnly;
        }
    }

    private JsonStrings() {}

    /** Appends {@code s} as a quoted JSON string. */
    public static void quote(CharSequence s, StringBuilder out, Escapes escapes) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> unicodeOr(out, c, escapes.shortBackspaceFormFeed ? "\\b" : null);
                case '\f' -> unicodeOr(out, c, escapes.shortBackspaceFormFeed ? "\\f" : null);
                default -> {
                    if (c < 0x20 || (escapes.asciiOnly && c > 0x7e)) {
                        unicodeOr(out, c, null);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String quote(CharSequence s, Escapes escapes) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(s, out, escapes);
        return out.toString();
    }

    private static void unicodeOr(StringBuilder out, char c, String shortForm) {
        if (shortForm != null) {
            out.append(shortForm);
        } else {
            out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
        }
    }
}
