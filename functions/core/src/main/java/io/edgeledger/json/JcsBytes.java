package io.edgeledger.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@link JcsWriter}'s output as UTF-8 bytes without building the whole text as a String first. Each
 * token is encoded on its own; a token is a complete string / number / literal, so no surrogate pair
 * is ever split and the bytes equal {@code JcsWriter.write(value).getBytes(UTF_8)}.
 */
final class JcsBytes {
    /**
     * Each thread keeps its grown buffer: a batcher writes a million leaves and a thousand half-megabyte
     * batch objects, and growing a fresh buffer by doubling every time was a quarter of its allocation.
     */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
    private static final int SCRATCH_KEEP_MAX = 2 << 20;

    private byte[] buf;
    private int size;
    private final IdentityHashMap<JsonObject, byte[]> known;

    private JcsBytes(IdentityHashMap<JsonObject, byte[]> known, byte[] buf) {
        this.known = known;
        this.buf = buf;
    }

    static byte[] of(JsonValue value, IdentityHashMap<JsonObject, byte[]> known) {
        byte[] scratch = SCRATCH.get();
        SCRATCH.remove(); // taken while in use: a nested call on this thread gets its own buffer
        JcsBytes out = new JcsBytes(known, scratch != null ? scratch : new byte[4096]);
        out.write(value);
        byte[] result = Arrays.copyOf(out.buf, out.size);
        if (out.buf.length <= SCRATCH_KEEP_MAX) {
            SCRATCH.set(out.buf);
        }
        return result;
    }

    private void write(JsonValue value) {
        switch (value) {
            case JsonNull n -> ascii("null");
            case JsonBoolean b -> ascii(b.value() ? "true" : "false");
            case JsonNumber n -> text(n.text());
            case JsonString s -> string(s.value());
            case JsonArray a -> {
                add((byte) '[');
                boolean first = true;
                for (JsonValue item : a.items()) {
                    if (!first) {
                        add((byte) ',');
                    }
                    first = false;
                    write(item);
                }
                add((byte) ']');
            }
            case JsonObject o -> {
                byte[] done = known == null ? null : known.get(o);
                if (done != null) {
                    bytes(done);
                    return;
                }
                add((byte) '{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> m : JcsWriter.sortedMembers(o)) {
                    if (!first) {
                        add((byte) ',');
                    }
                    first = false;
                    string(m.getKey());
                    add((byte) ':');
                    write(m.getValue());
                }
                add((byte) '}');
            }
        }
    }

    private void string(String s) {
        if (JcsWriter.plain(s) && isAscii(s)) {
            add((byte) '"');
            ascii(s);
            add((byte) '"');
            return;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        JcsWriter.string(s, sb);
        bytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void text(String s) {
        if (isAscii(s)) {
            ascii(s);
        } else {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Only for text known to be ASCII. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, size); // deprecated because it drops the high byte: exactly right for ASCII
        size += n;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void add(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
