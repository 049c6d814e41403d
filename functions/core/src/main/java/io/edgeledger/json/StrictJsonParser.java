package io.edgeledger.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 8259 parser: no NaN/Infinity, leading zeros, comments, trailing commas, BOM, raw control
 * characters or trailing data; member names unique per object (after unescaping); no unpaired
 * surrogates in strings. Number tokens are kept as text. Nesting is capped so hostile input cannot
 * exhaust the stack.
 */
public final class StrictJsonParser {
    public static final int MAX_DEPTH = 1000;

    private final String text;
    private final boolean python;
    private int pos;
    private int depth;

    private StrictJsonParser(String text, boolean python) {
        this.text = text;
        this.python = python;
    }

    public static JsonValue parse(String text) {
        return parse(text, false);
    }

    /**
     * What Python's {@code json.loads} accepts, for reproducing the legacy etrap-v1 agent: also the
     * tokens NaN / Infinity / -Infinity (kept as number text), duplicate names (the last one wins) and
     * unpaired surrogates.
     */
    public static JsonValue parsePython(String text) {
        return parse(text, true);
    }

    private static JsonValue parse(String text, boolean python) {
        if (text == null) {
            throw new JsonSyntaxException("no JSON text (null)", 0);
        }
        StrictJsonParser p = new StrictJsonParser(text, python);
        p.skipWhitespace();
        JsonValue value = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw new JsonSyntaxException("trailing data after the JSON value", p.pos);
        }
        return value;
    }

    private JsonValue value() {
        if (pos >= text.length()) {
            throw new JsonSyntaxException("unexpected end of text, expected a value", pos);
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonString(string());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (python && (c == 'N' || c == 'I' || text.startsWith("-I", pos))) {
                    yield pythonConstant();
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw new JsonSyntaxException("unexpected character " + describe(c) + ", expected a value", pos);
            }
        };
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw new JsonSyntaxException("invalid literal, expected '" + word + "'", pos);
        }
        pos += word.length();
        return value;
    }

    private JsonNumber pythonConstant() {
        for (String word : new String[] {"NaN", "Infinity", "-Infinity"}) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return new JsonNumber(word);
            }
        }
        throw new JsonSyntaxException("invalid literal", pos);
    }

    private JsonObject object() {
        enter();
        pos++; // {
        JsonObject.Members members = new JsonObject.Members();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new JsonSyntaxException("expected a member name string", pos);
            }
            int nameAt = pos;
            String name = memberName();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue v = value();
            if (python) {
                members.put(name, v);
            } else if (members.putIfAbsent(name, v) != null) {
                throw new JsonSyntaxException("duplicate member name \"" + name + "\"", nameAt);
            }
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return new JsonObject(members);
            } else {
                throw new JsonSyntaxException("expected ',' or '}' in object", pos);
            }
        }
    }

    private JsonArray array() {
        enter();
        pos++; // [
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JsonArray(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return new JsonArray(items);
            } else {
                throw new JsonSyntaxException("expected ',' or ']' in array", pos);
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new JsonSyntaxException("nesting deeper than " + MAX_DEPTH + " levels", pos);
        }
    }

    /** Member names repeat in every event: cached strings (hash already computed) skip a copy per name. */
    private static final int NAME_CACHE_SIZE = 1024;
    private static final int NAME_CACHE_MAX_LENGTH = 40;
    private static final String[] NAME_CACHE = new String[NAME_CACHE_SIZE]; // racy but benign: Strings are immutable

    private String memberName() {
        int from = pos + 1;
        int hash = 0;
        int i = from;
        int limit = Math.min(text.length(), from + NAME_CACHE_MAX_LENGTH);
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                return string(); // escapes, errors and surrogates take the full path
            }
            hash = 31 * hash + c;
            i++;
        }
        if (i >= limit) {
            return string();
        }
        int length = i - from;
        int slot = (hash ^ (hash >>> 16)) & (NAME_CACHE_SIZE - 1);
        String cached = NAME_CACHE[slot];
        pos = i + 1;
        if (cached != null && cached.length() == length && text.regionMatches(from, cached, 0, length)) {
            return cached;
        }
        String name = text.substring(from, i);
        NAME_CACHE[slot] = name;
        return name;
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        boolean surrogates = false; // only strings holding a surrogate need the pairing check
        while (true) {
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unterminated string", start);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                if (surrogates && !python) {
                    checkSurrogates(s, start);
                }
                return s;
            }
            if (c < 0x20) {
                throw new JsonSyntaxException("raw control character " + describe(c) + " in string", pos);
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, runStart, pos);
                pos++;
                if (pos >= text.length()) {
                    throw new JsonSyntaxException("unterminated escape", pos);
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 >= text.length()) {
                            throw new JsonSyntaxException("truncated \\u escape", pos);
                        }
                        int v = 0;
                        for (int i = 1; i <= 4; i++) {
                            int d = Character.digit(text.charAt(pos + i), 16);
                            if (d < 0 || text.charAt(pos + i) > 'f') {
                                throw new JsonSyntaxException("invalid \\u escape", pos);
                            }
                            v = v * 16 + d;
                        }
                        surrogates |= v >= Character.MIN_SURROGATE && v <= Character.MAX_SURROGATE;
                        sb.append((char) v);
                        pos += 4;
                    }
                    default -> throw new JsonSyntaxException("invalid escape \\" + describe(e), pos);
                }
                pos++;
                runStart = pos;
            } else {
                surrogates |= c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
                pos++;
            }
        }
    }

    private static void checkSurrogates(String s, int at) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new JsonSyntaxException("string with an unpaired surrogate", at);
                }
            } else if (Character.isLowSurrogate(c)) {
                throw new JsonSyntaxException("string with an unpaired surrogate", at);
            }
        }
    }

    private JsonNumber number() {
        int start = pos;
        int end = NumberTokens.end(text, pos);
        if (end < 0) {
            throw new JsonSyntaxException(NumberTokens.reason(end), start);
        }
        pos = end;
        return new JsonNumber(text.substring(start, pos));
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\uFFFF';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new JsonSyntaxException("expected '" + c + "'", pos);
        }
        pos++;
    }


    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
