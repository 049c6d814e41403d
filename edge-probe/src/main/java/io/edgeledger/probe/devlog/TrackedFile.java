package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.source.FileParser;
import io.edgeledger.probe.devlog.source.LineParser;
import io.edgeledger.probe.devlog.source.LogSource;
import io.edgeledger.probe.devlog.tail.TailCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/** One log file being followed: its parser, how far it was read, and which inode that offset belongs to. */
final class TrackedFile {
    final Path path;
    final LogSource source;
    final Path home;
    FileParser parser;
    final TailCursor cursor = new TailCursor(0, 0);
    /** Identity of the file the offset refers to ("(dev=..,ino=..)" on Linux); null before the first read. */
    String fileKey;
    /** Whole-file sources: what the last read saw, and a fingerprint per emitted event id. */
    long snapshotMtime = -1;
    long snapshotSize = -1;
    Map<String, String> fingerprints = new HashMap<>();

    TrackedFile(Path path, LogSource source, Path home) {
        this.path = path;
        this.source = source;
        this.home = home;
        this.parser = source.open(path, home);
    }

    boolean isLines() {
        return parser instanceof LineParser;
    }

    void restartParser() {
        parser = source.open(path, home);
        cursor.reset();
    }

    /** Size, modification time and identity of the file now; null if it is gone. */
    record Stat(long size, long mtime, String key) {}

    static Stat stat(Path path) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            Object key = attrs.fileKey();
            return new Stat(attrs.size(), attrs.lastModifiedTime().toMillis(), key == null ? null : key.toString());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
