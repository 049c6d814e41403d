package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.LineParser;
import io.edgeledger.probe.devlog.source.SnapshotParser;
import io.edgeledger.probe.devlog.tail.ChunkReader;
import io.edgeledger.probe.devlog.tail.JsonLineDecoder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads what is new in one tracked file and hands the events over chunk by chunk, each chunk with
 * the file position reached after it, so a consumer can checkpoint exactly what it has delivered.
 */
final class FileReading {
    /** Receives the events of one chunk; may block (backpressure). The file's cursor already points past the chunk. */
    interface ChunkConsumer {
        void accept(TrackedFile file, List<DevlogEvent> events) throws InterruptedException;
    }

    private final ChunkReader reader = new ChunkReader();
    private final DevlogCounters counters;
    private final Consumer<String> warnings;

    FileReading(DevlogCounters counters, Consumer<String> warnings) {
        this.counters = counters;
        this.warnings = warnings;
    }

    /**
     * Reads new data of {@code file}. {@code flushEachChunk}: line parsers that derive events from a
     * replayed state emit after each chunk (live tailing) or only at the end (replay = final state).
     */
    void read(TrackedFile file, ChunkConsumer consumer, boolean flushEachChunk) throws IOException, InterruptedException {
        if (file.isLines()) {
            readLines(file, consumer, flushEachChunk);
        } else {
            readSnapshot(file, consumer);
        }
    }

    private void readLines(TrackedFile file, ChunkConsumer consumer, boolean flushEachChunk) throws IOException, InterruptedException {
        TrackedFile.Stat stat = TrackedFile.stat(file.path);
        if (stat == null) {
            return;
        }
        if (file.fileKey != null && stat.key() != null && !stat.key().equals(file.fileKey)) {
            warn("devlog: " + file.path + ": replaced (new inode), reading it again from the start");
            file.restartParser();
        } else if (stat.size() < file.cursor.offset()) {
            warn("devlog: " + file.path + ": truncated to " + stat.size() + " bytes (was read to " + file.cursor.offset() + "), reading it again from the start");
            file.restartParser();
        }
        file.fileKey = stat.key();
        if (stat.size() == file.cursor.offset()) {
            return;
        }
        LineParser parser = (LineParser) file.parser;
        ChunkEmitter emitter = new ChunkEmitter(file.path, true);
        LineFeeder feeder = new LineFeeder(file.path, parser, emitter, true);
        try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
            long end = Math.max(stat.size(), channel.size());
            while (true) {
                long consumed = reader.readChunk(channel, file.cursor, end, feeder);
                if (consumed == 0) {
                    break;
                }
                counters.bytes.addAndGet(consumed);
                if (flushEachChunk) {
                    parser.flush(emitter);
                    consumer.accept(file, emitter.take());
                }
            }
        }
        parser.flush(emitter);
        consumer.accept(file, emitter.take());
    }

    /** Rebuilds a line parser's state from the part of the file that was already delivered, emitting nothing. */
    void warmUp(TrackedFile file, long offset) throws IOException {
        LineParser parser = (LineParser) file.parser;
        ChunkEmitter discard = new ChunkEmitter(file.path, false);
        LineFeeder feeder = new LineFeeder(file.path, parser, discard, false);
        try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
            while (reader.readChunk(channel, file.cursor, offset, feeder) > 0) {
                parser.flush(discard);
                discard.take();
            }
        }
        parser.flush(discard);
        discard.take();
    }

    private void readSnapshot(TrackedFile file, ChunkConsumer consumer) throws IOException, InterruptedException {
        TrackedFile.Stat stat = TrackedFile.stat(file.path);
        if (stat == null) {
            return;
        }
        TrackedFile.Stat wal = TrackedFile.stat(Path.of(file.path + "-wal"));
        long mtime = Math.max(stat.mtime(), wal == null ? 0 : wal.mtime());
        long size = stat.size() + (wal == null ? 0 : wal.size());
        if (mtime == file.snapshotMtime && size == file.snapshotSize) {
            return;
        }
        ChunkEmitter emitter = new ChunkEmitter(file.path, true);
        ((SnapshotParser) file.parser).read(file.path, emitter);
        counters.bytes.addAndGet(stat.size());
        List<DevlogEvent> all = emitter.take();
        Map<String, String> fingerprints = new HashMap<>();
        List<DevlogEvent> changed = new ArrayList<>();
        for (DevlogEvent e : all) {
            String fp = fingerprint(e);
            fingerprints.put(e.id(), fp);
            if (!fp.equals(file.fingerprints.get(e.id()))) {
                changed.add(e);
            }
        }
        file.snapshotMtime = mtime;
        file.snapshotSize = size;
        file.fingerprints = fingerprints;
        consumer.accept(file, changed);
    }

    static String fingerprint(DevlogEvent e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.toLine(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void warn(String message) {
        counters.warnings.incrementAndGet();
        warnings.accept(message);
    }

    /** Collects a chunk's events, last version per id wins (a split message updates its token_usage). */
    private class ChunkEmitter implements Emitter {
        private final Path path;
        private final boolean live;
        private Map<String, DevlogEvent> events = new LinkedHashMap<>();

        /** {@code live} false: a warm-up whose events and warnings were already delivered once. */
        ChunkEmitter(Path path, boolean live) {
            this.path = path;
            this.live = live;
        }

        @Override
        public void emit(DevlogEvent event) {
            events.put(event.id(), event);
        }

        @Override
        public void warn(String message) {
            if (live) {
                FileReading.this.warn("devlog: " + path + ": " + message);
            }
        }

        List<DevlogEvent> take() {
            List<DevlogEvent> out = new ArrayList<>(events.values());
            events = new LinkedHashMap<>();
            if (live) {
                counters.events.addAndGet(out.size());
            }
            return out;
        }
    }

    /** Decodes each complete line and passes JSON objects to the parser; counts and reports the rest. */
    private final class LineFeeder implements ChunkReader.LineHandler {
        private final Path path;
        private final LineParser parser;
        private final Emitter out;
        private final boolean report;
        private final java.util.Set<String> skipped;

        LineFeeder(Path path, LineParser parser, Emitter out, boolean report) {
            this.path = path;
            this.parser = parser;
            this.skipped = parser.skippedFields();
            this.out = out;
            this.report = report;
        }

        @Override
        public void line(long lineNo, byte[] buf, int off, int len) {
            JsonLineDecoder.Decoded decoded = JsonLineDecoder.decode(buf, off, len, skipped);
            if (report && decoded.invalidUtf8()) {
                counters.invalidUtf8Lines.incrementAndGet();
                warn("devlog: " + path + " line " + lineNo + ": invalid UTF-8 bytes replaced with U+FFFD");
            }
            if (decoded.object() != null) {
                parser.line(lineNo, decoded.object(), out);
            } else if (report && decoded.problem() == JsonLineDecoder.Problem.NOT_AN_OBJECT) {
                counters.malformedLines.incrementAndGet();
                warn("devlog: " + path + " line " + lineNo + ": not a JSON object (" + len + " bytes), skipped");
            }
        }

        @Override
        public void oversized(long lineNo, long bytes) {
            if (report) {
                counters.malformedLines.incrementAndGet();
                warn("devlog: " + path + " line " + lineNo + ": " + bytes + " bytes, over the " + ChunkReader.MAX_LINE_BYTES + "-byte line limit, skipped");
            }
        }
    }
}
