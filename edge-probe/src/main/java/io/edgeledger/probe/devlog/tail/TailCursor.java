package io.edgeledger.probe.devlog.tail;

/** How far a file has been read: the byte offset after the last complete line and that line's number. */
public final class TailCursor {
    private long offset;
    private long lineNo;
    private ChunkReader.LineHandler handler;

    public TailCursor(long offset, long lineNo) {
        this.offset = offset;
        this.lineNo = lineNo;
    }

    public long offset() {
        return offset;
    }

    public long lineNo() {
        return lineNo;
    }

    void advanceLine(long bytesWithNewline) {
        offset += bytesWithNewline;
        lineNo++;
    }

    public void reset() {
        offset = 0;
        lineNo = 0;
    }

    public TailCursor handler(ChunkReader.LineHandler h) {
        this.handler = h;
        return this;
    }

    ChunkReader.LineHandler handler() {
        return handler;
    }
}
