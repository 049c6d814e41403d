package io.edgeledger.json;

import io.edgeledger.wire.JsonStrings;
import java.util.Arrays;
import java.util.IdentityHashMap;
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
        return CompactSyntax.text(value, JcsWriter::write);
    }

    /** The UTF-8 bytes of {@link #write(JsonValue)}, written straight into a byte buffer. */
    public static byte[] bytes(JsonValue value) {
        return JcsBytes.of(value, null);
    }

    /**
     * Like {@link #bytes(JsonValue)}, but an object found (by identity) in {@code known} is written as the
     * bytes given there, which must be exactly this writer's bytes for it: lets a caller embed documents
     * it has already serialized (leaves in batch-data.json) without sorting and escaping them again.
     */
    public static byte[] bytes(JsonValue value, IdentityHashMap<JsonObject, byte[]> known) {
        return JcsBytes.of(value, known);
    }

    public static void write(JsonValue value, StringBuilder sb) {
        switch (value) {
            case JsonNull n -> sb.append("null");
            case JsonBoolean b -> sb.append(b.value());
            case JsonNumber n -> sb.append(n.text());
            case JsonString s -> string(s.value(), sb);
            case JsonArray a -> CompactSyntax.array(a.items(), sb, JcsWriter::write);
            case JsonObject o -> CompactSyntax.object(Arrays.asList(sortedMembers(o)), sb, JcsWriter::string, JcsWriter::write);
        }
    }

    /** Members in JCS order; objects built in key order (indices, our own records) need no sort. */
    static Map.Entry<String, JsonValue>[] sortedMembers(JsonObject o) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonValue>[] members = o.members().entrySet().toArray(new Map.Entry[0]);
        if (!sorted(members)) {
            Arrays.sort(members, Map.Entry.comparingByKey());
        }
        return members;
    }

    private static boolean sorted(Map.Entry<String, JsonValue>[] members) {
        for (int i = 1; i < members.length; i++) {
            if (members[i - 1].getKey().compareTo(members[i].getKey()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} has no character JCS escapes, so it can be appended as is. */
    static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static void string(String s, StringBuilder sb) {
        if (plain(s)) {
            sb.append('"').append(s).append('"');
            return;
        }
        JsonStrings.quote(s, sb, JsonStrings.Escapes.ECMASCRIPT);
    }
}
