package io.edgeledger.probe.forwarder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A durable FIFO of opaque records on disk: append-only segment files ({@code <seq>.seg}) whose records are
 * {@code [length][crc32][bytes]}, each append fsynced before it returns; a {@code cursor} file (written atomically)
 * says how far delivery got. Fully delivered segments are deleted. A torn record at the tail (crash mid-write) is cut
 * off on open. When the total size would pass the cap, whole oldest segments are dropped and their undelivered records
 * counted: the newest data wins, and the loss is visible.
 */
public final class Spool implements AutoCloseable {
    private static final int HEADER = 8;
    private static final String CURSOR = "cursor";

    /** A record and where the next one starts, for {@link #ack}; {@code payload} is null when its checksum failed. */
    public record Entry(long segment, long offset, long nextOffset, byte[] payload) {}

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Long> segmentSizes = new TreeMap<>();
    private final java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("spool-io").daemon().unstarted(r));
    private FileChannel writer;
    private long writerSeq;
    private long cursorSeq;
    private long cursorOffset;
    private long pending;
    private long dropped;

    public Spool(Path dir, long maxBytes) {
        this(dir, maxBytes, Math.max(4096, Math.min(4L * 1024 * 1024, maxBytes / 8)));
    }

    public Spool(Path dir, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool in " + dir + ": " + e.getMessage()
                    + " (check spool_dir in edge-probe.yaml and its permissions)", e);
        }
    }

    private void open() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".seg")) {
                    segmentSizes.put(Long.parseLong(n.substring(0, n.length() - 4)), Files.size(p));
                }
            }
        }
        if (!segmentSizes.isEmpty()) { // only the last segment can hold a torn write
            long last = segmentSizes.lastKey();
            long valid = validLength(last);
            if (valid < segmentSizes.get(last)) {
                try (FileChannel ch = FileChannel.open(segment(last), StandardOpenOption.WRITE)) {
                    ch.truncate(valid);
                    ch.force(true);
                }
                segmentSizes.put(last, valid);
            }
        }
        readCursor();
        if (segmentSizes.isEmpty()) { // everything was delivered (or this is a new spool): start a fresh segment
            cursorSeq = cursorSeq + 1;
            cursorOffset = 0;
            openWriter(cursorSeq);
        } else {
            openWriter(segmentSizes.lastKey());
            if (!segmentSizes.containsKey(cursorSeq)) { // the cursor's segment is gone: start at the oldest kept
                cursorSeq = segmentSizes.firstKey();
                cursorOffset = 0;
            }
            cursorOffset = Math.min(cursorOffset, segmentSizes.get(cursorSeq));
        }
        pending = countFrom(cursorSeq, cursorOffset);
    }

    private void readCursor() throws IOException {
        Path p = dir.resolve(CURSOR);
        if (Files.exists(p)) {
            String[] parts = Files.readString(p, StandardCharsets.US_ASCII).trim().split(" ");
            if (parts.length == 2) {
                cursorSeq = Long.parseLong(parts[0]);
                cursorOffset = Long.parseLong(parts[1]);
            }
        }
    }

    private void openWriter(long seq) throws IOException {
        writer = FileChannel.open(segment(seq), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segmentSizes.putIfAbsent(seq, writer.size());
        writerSeq = seq;
    }

    private Path segment(long seq) {
        return dir.resolve(String.format("%020d.seg", seq));
    }

    /** Appends one record and fsyncs it. */
    public synchronized void append(byte[] payload) {
        long size = HEADER + payload.length;
        try {
            if (size > maxBytes) {
                dropped++; // can never fit: counted, not silently lost
                return;
            }
            if (segmentSizes.get(writerSeq) > 0 && segmentSizes.get(writerSeq) + size > segmentBytes) {
                rotate();
            }
            while (totalBytes() + size > maxBytes && segmentSizes.size() > 1) {
                dropOldest();
            }
            if (totalBytes() + size > maxBytes) { // only the active segment is left: seal it and drop it
                rotate();
                dropOldest();
            }
            CRC32 crc = new CRC32();
            crc.update(payload);
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            buf.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
            writeDurably(buf);
            segmentSizes.merge(writerSeq, size, Long::sum);
            pending++;
        } catch (IOException e) {
            throw new UncheckedIOException("spool write failed in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes and fsyncs one record on the spool's own I/O thread. A FileChannel is closed for everyone when a thread
     * using it is interrupted (here: a check cancelled past its timeout while submitting), so callers never touch
     * the channel; they wait for the write, uninterruptibly, and keep their interrupt for later.
     */
    private void writeDurably(ByteBuffer buf) throws IOException {
        runOnIo(() -> {
            if (!writer.isOpen()) {
                reopenWriter();
            }
            while (buf.hasRemaining()) {
                writer.write(buf);
            }
            writer.force(false);
            return null;
        });
    }

    private void reopenWriter() throws IOException {
        long valid = validLength(writerSeq);
        try (FileChannel ch = FileChannel.open(segment(writerSeq), StandardOpenOption.WRITE)) {
            ch.truncate(valid);
        }
        segmentSizes.put(writerSeq, valid);
        writer = FileChannel.open(segment(writerSeq), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void rotate() throws IOException {
        FileChannel old = writer;
        runOnIo(() -> {
            old.force(true);
            old.close();
            return null;
        });
        openWriter(writerSeq + 1);
    }

    private void runOnIo(java.util.concurrent.Callable<Void> task) throws IOException {
        java.util.concurrent.Future<Void> f = io.submit(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void dropOldest() throws IOException {
        long oldest = segmentSizes.firstKey();
        long lost = oldest == cursorSeq ? countFrom(oldest, cursorOffset, oldest) : oldest > cursorSeq
                ? countFrom(oldest, 0, oldest) : 0;
        dropped += lost;
        pending -= lost;
        Files.deleteIfExists(segment(oldest));
        segmentSizes.remove(oldest);
        if (cursorSeq <= oldest) {
            cursorSeq = segmentSizes.firstKey();
            cursorOffset = 0;
            writeCursor();
        }
    }

    /** The oldest undelivered record, if any. */
    public synchronized Optional<Entry> peek() {
        try {
            while (true) {
                Long size = segmentSizes.get(cursorSeq);
                if (size == null) {
                    return Optional.empty();
                }
                if (cursorOffset < size) {
                    return Optional.of(read(cursorSeq, cursorOffset));
                }
                if (cursorSeq == writerSeq) {
                    return Optional.empty();
                }
                // a sealed segment fully delivered: forget it and move on
                Files.deleteIfExists(segment(cursorSeq));
                segmentSizes.remove(cursorSeq);
                cursorSeq = segmentSizes.ceilingKey(cursorSeq);
                cursorOffset = 0;
                writeCursor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spool read failed in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Marks {@code entry} delivered; durable before it returns. */
    public synchronized void ack(Entry entry) {
        if (entry.segment() != cursorSeq || entry.offset() != cursorOffset) {
            return; // its segment was dropped by the cap meanwhile: nothing to move
        }
        cursorOffset = entry.nextOffset();
        pending--;
        try {
            writeCursor();
        } catch (IOException e) {
            throw new UncheckedIOException("spool cursor write failed in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writeCursor() throws IOException {
        Path tmp = dir.resolve(CURSOR + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((cursorSeq + " " + cursorOffset + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(CURSOR), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Entry read(long seq, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(segment(seq), StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            ch.read(header, offset);
            header.flip();
            int len = header.getInt();
            int crc = header.getInt();
            ByteBuffer body = ByteBuffer.allocate(len);
            ch.read(body, offset + HEADER);
            CRC32 check = new CRC32();
            check.update(body.array());
            if ((int) check.getValue() != crc) { // disk corruption: the caller skips it and counts it
                return new Entry(seq, offset, offset + HEADER + len, null);
            }
            return new Entry(seq, offset, offset + HEADER + len, body.array());
        }
    }

    /** Length of the prefix of a segment made of whole, checksummed records. */
    private long validLength(long seq) throws IOException {
        long offset = 0;
        try (FileChannel ch = FileChannel.open(segment(seq), StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (offset + HEADER <= size) {
                header.clear();
                ch.read(header, offset);
                header.flip();
                int len = header.getInt();
                int crc = header.getInt();
                if (len < 0 || offset + HEADER + len > size) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(len);
                ch.read(body, offset + HEADER);
                CRC32 check = new CRC32();
                check.update(body.array());
                if ((int) check.getValue() != crc) {
                    break;
                }
                offset += HEADER + len;
            }
        }
        return offset;
    }

    private long countFrom(long seq, long offset) throws IOException {
        return countFrom(seq, offset, Long.MAX_VALUE);
    }

    /** Records from (seq, offset) to the end of segment {@code lastSeq} (inclusive). */
    private long countFrom(long seq, long offset, long lastSeq) throws IOException {
        long n = 0;
        List<Long> seqs = new ArrayList<>(segmentSizes.subMap(seq, true, lastSeq, true).keySet());
        for (long s : seqs) {
            long o = s == seq ? offset : 0;
            long size = segmentSizes.get(s);
            try (FileChannel ch = FileChannel.open(segment(s), StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(4);
                while (o + HEADER <= size) {
                    header.clear();
                    ch.read(header, o);
                    header.flip();
                    o += HEADER + header.getInt();
                    n++;
                }
            }
        }
        return n;
    }

    public synchronized long totalBytes() {
        return segmentSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long pendingRecords() {
        return pending;
    }

    public synchronized long droppedRecords() {
        return dropped;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        io.shutdown();
        writer.close();
    }
}
