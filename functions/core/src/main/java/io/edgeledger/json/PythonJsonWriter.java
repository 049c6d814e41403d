package io.edgeledger.json;

import io.edgeledger.wire.JsonStrings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python {@code json.dumps(obj, sort_keys=True, separators=(',', ':'))} with its defaults
 * (ensure_ascii): the canonical form of the legacy etrap-v1 agent. Keys sort by Unicode code point;
 * number tokens with '.', 'e' or 'E' are floats (written as Python repr), others arbitrary-precision
 * ints.
 */
public final class PythonJsonWriter {
    private PythonJsonWriter() {}

    public static String write(JsonValue value) {
        return CompactSyntax.text(value, PythonJsonWriter::write);
    }

    private static void write(JsonValue value, StringBuilder sb) {
        switch (value) {
            case JsonNull n -> sb.append("null");
            case JsonBoolean b -> sb.append(b.value() ? "true" : "false");
            case JsonNumber n -> sb.append(number(n));
            case JsonString s -> string(s.value(), sb);
            case JsonArray a -> CompactSyntax.array(a.items(), sb, PythonJsonWriter::write);
            case JsonObject o -> {
                List<Map.Entry<String, JsonValue>> members = new ArrayList<>(o.members().entrySet());
                members.sort((x, y) -> compareCodePoints(x.getKey(), y.getKey()));
                CompactSyntax.object(members, sb, PythonJsonWriter::string, PythonJsonWriter::write);
            }
        }
    }

    /** Python's text for a JSON number token as json.loads would type it. */
    public static String number(JsonNumber n) {
        if (n.isIntegerToken()) {
            return new BigInteger(n.text()).toString();
        }
        return NumberFormats.pythonRepr(Double.parseDouble(n.text()));
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void string(String s, StringBuilder sb) {
        JsonStrings.quote(s, sb, JsonStrings.Escapes.ASCII);
    }
}
