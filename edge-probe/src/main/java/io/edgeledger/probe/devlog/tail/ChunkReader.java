package io.edgeledger.probe.devlog.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads complete lines from a file by byte offset, one buffer fill per call. A last line without
 * {@code \n} is left unread (the writer is still writing it); lines grow the buffer up to
 * {@link #MAX_LINE_BYTES}, longer ones are skipped whole and reported.
 */
public final class ChunkReader {
    public static final int MAX_LINE_BYTES = 64 << 20;
    private static final int INITIAL_BUFFER = 1 << 20;

    /** Receives each complete line (without its {@code \n}); {@code lineNo} is 1-based. */
    public interface LineHandler {
        void line(long lineNo, byte[] buf, int off, int len);

        void oversized(long lineNo, long bytes);
    }

    private byte[] buf = new byte[INITIAL_BUFFER];

    /**
     * Reads whole lines starting at {@code cursor.offset()} up to {@code end} (exclusive), advancing the cursor.
     * @return bytes consumed (0 when no complete line is available)
     */
    public long readChunk(FileChannel channel, TailCursor cursor, long end) throws IOException {
        return readChunk(channel, cursor, end, cursor.handler());
    }

    public long readChunk(FileChannel channel, TailCursor cursor, long end, LineHandler handler) throws IOException {
        long start = cursor.offset();
        while (true) {
            int want = (int) Math.min(buf.length, end - start);
            if (want <= 0) {
                return 0;
            }
            int n = readFully(channel, start, want);
            int lineStart = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    cursor.advanceLine(i + 1 - lineStart);
                    handler.line(cursor.lineNo(), buf, lineStart, i - lineStart);
                    lineStart = i + 1;
                }
            }
            if (lineStart > 0) {
                return lineStart;
            }
            if (n < buf.length) {
                return 0; // partial last line: wait for its newline
            }
            if (buf.length < MAX_LINE_BYTES) {
                buf = new byte[Math.min(buf.length * 2, MAX_LINE_BYTES)];
                continue;
            }
            return skipOversized(channel, cursor, start, end, handler);
        }
    }

    private long skipOversized(FileChannel channel, TailCursor cursor, long start, long end, LineHandler handler) throws IOException {
        long pos = start + buf.length;
        while (pos < end) {
            int n = readFully(channel, pos, (int) Math.min(buf.length, end - pos));
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    long length = pos + i + 1 - start;
                    cursor.advanceLine(length);
                    handler.oversized(cursor.lineNo(), length - 1);
                    return length;
                }
            }
            pos += n;
        }
        return 0;
    }

    private int readFully(FileChannel channel, long position, int want) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buf, 0, want);
        while (target.hasRemaining()) {
            int r = channel.read(target, position + target.position());
            if (r < 0) {
                break;
            }
        }
        return target.position();
    }
}
