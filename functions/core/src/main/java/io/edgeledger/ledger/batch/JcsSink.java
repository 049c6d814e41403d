package io.edgeledger.ledger.batch;

import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8785 tokens written straight into bytes, in chunks: a 10,000-entry batch-data.json is megabytes, and a
 * doubling buffer would hold up to three times that at its last growth. The caller writes members in JCS
 * order; strings are escaped exactly as {@link JcsWriter} does (its own code for anything but plain ASCII).
 */
final class JcsSink {
    private static final int CHUNK = 256 << 10;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk;
    private int at;
    private long size;

    JcsSink(int firstChunk) {
        chunk = new byte[Math.max(64, firstChunk)];
    }

    long size() {
        return size;
    }

    /** Text known to be ASCII without anything JCS escapes (names, ids, fixed tokens). */
    JcsSink ascii(String s) {
        int n = s.length();
        int from = 0;
        while (from < n) {
            int room = room();
            int len = Math.min(room, n - from);
            s.getBytes(from, from + len, chunk, at); // ASCII only: the deprecated form copies the low byte, exactly right
            at += len;
            from += len;
        }
        size += n;
        return this;
    }

    JcsSink bytes(byte[] b) {
        int from = 0;
        while (from < b.length) {
            int len = Math.min(room(), b.length - from);
            System.arraycopy(b, from, chunk, at, len);
            at += len;
            from += len;
        }
        size += b.length;
        return this;
    }

    JcsSink add(char c) {
        room();
        chunk[at++] = (byte) c;
        size++;
        return this;
    }

    JcsSink number(long v) {
        return ascii(Long.toString(v));
    }

    /** A JSON string: plain ASCII is copied; quotes and backslashes escaped here; anything else as JcsWriter writes it. */
    JcsSink string(String s) {
        int n = s.length();
        boolean plain = true;
        boolean simpleEscapes = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                plain = false;
                if (c != '"' && c != '\\') {
                    simpleEscapes = false;
                    break;
                }
            }
        }
        if (plain) {
            return add('"').ascii(s).add('"');
        }
        if (simpleEscapes) {
            add('"');
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    add('\\');
                }
                add(c);
            }
            return add('"');
        }
        return bytes(JcsWriter.write(new JsonString(s)).getBytes(StandardCharsets.UTF_8));
    }

    /** A 32-byte hash as a quoted lowercase hex string. */
    JcsSink hex(byte[] hash) {
        add('"');
        for (byte b : hash) {
            add((char) HEX[(b >> 4) & 15]);
            add((char) HEX[b & 15]);
        }
        return add('"');
    }

    /** Everything written, as one array. */
    byte[] toBytes() {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a batch object above 2 GB");
        }
        byte[] out = new byte[(int) size];
        copyTo(out, 0);
        return out;
    }

    /** Copies everything written into {@code out} at {@code offset}, letting each chunk go once copied: call it last. */
    void copyTo(byte[] out, int offset) {
        int w = offset;
        for (int i = 0; i < full.size(); i++) {
            byte[] c = full.get(i);
            System.arraycopy(c, 0, out, w, c.length);
            w += c.length;
            full.set(i, null);
        }
        System.arraycopy(chunk, 0, out, w, at);
        chunk = null;
    }

    private int room() {
        if (at == chunk.length) {
            full.add(chunk);
            chunk = new byte[CHUNK];
            at = 0;
        }
        return chunk.length - at;
    }
}
