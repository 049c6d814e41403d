package io.edgeledger.probe.devlog.tail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Persists how far each file was delivered, in {@code <stateDir>/devlog-offsets.json}. Written to a
 * temp file, fsynced, then renamed over the old one, so a crash leaves either the old or the new state.
 */
public final class OffsetStore {
    public static final String FILE_NAME = "devlog-offsets.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A tailed file: the inode the offset belongs to, the byte offset after the last delivered line, and its line number. */
    public record LineState(String agent, String fileKey, long offset, long lineNo) {}

    /** A file re-read whole: what it looked like, and a fingerprint per delivered event id. */
    public record SnapshotState(String agent, long mtime, long size, Map<String, String> fingerprints) {}

    /**
     * Everything persisted, plus the sink position that matches these offsets and the id of the last batch they
     * include (a batch written ahead under another id has not been delivered yet: it is handed over again).
     */
    public record State(int version, Map<String, LineState> lines, Map<String, SnapshotState> snapshots, String sinkCheckpoint,
                        String lastBatchId) {
        public static State empty() {
            return new State(1, new TreeMap<>(), new TreeMap<>(), null, null);
        }
    }

    private final Path file;

    public OffsetStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public State load() throws IOException {
        if (!Files.exists(file)) {
            return State.empty();
        }
        try {
            State s = MAPPER.readValue(file.toFile(), State.class);
            return new State(s.version(), s.lines() == null ? new TreeMap<>() : new TreeMap<>(s.lines()),
                    s.snapshots() == null ? new TreeMap<>() : new TreeMap<>(s.snapshots()), s.sinkCheckpoint(), s.lastBatchId());
        } catch (IOException e) {
            throw new IOException("devlog state " + file + " is unreadable (" + e.getMessage()
                    + "); move it away to re-read all history from the start", e);
        }
    }

    public void save(State state) throws IOException {
        writeAtomically(file, MAPPER.writeValueAsBytes(state));
    }

    /** Writes {@code bytes} to a temp file, fsyncs it and renames it over {@code target}: a crash leaves the old or the new file. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
