package io.edgeledger.probe.devlog.cursor;

import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.SnapshotParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads Cursor's global {@code state.vscdb} without disturbing Cursor: a read-only connection (SQLite
 * never writes a journal for it) that waits briefly on Cursor's locks. If the database cannot be opened
 * read-only in place (e.g. WAL without a {@code -shm} on read-only media), a private copy is read instead.
 */
final class CursorStateDb implements SnapshotParser {
    private static final int BUSY_TIMEOUT_MS = 2_000;

    @Override
    public void read(Path file, Emitter out) throws IOException {
        Map<String, String> rows;
        try {
            rows = load(file);
        } catch (SQLException inPlace) {
            rows = loadCopy(file, out, inPlace);
            if (rows == null) {
                return;
            }
        }
        new CursorComposers(rows).events().forEach(out::emit);
    }

    private static Map<String, String> loadCopy(Path file, Emitter out, SQLException inPlace) throws IOException {
        Path dir = Files.createTempDirectory("devlog-cursor-");
        try {
            Path copy = dir.resolve("state.vscdb");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Path wal = Path.of(file + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(copy + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
            return load(copy);
        } catch (SQLException e) {
            out.warn("not a readable SQLite database (" + inPlace.getMessage() + "; copy: " + e.getMessage() + "), no events");
            return null;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** {@code composer.composerHeaders} from ItemTable, plus every composerData / bubbleId row, values as text. */
    private static Map<String, String> load(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        String url = "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro";
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = config.createConnection(url)) {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM ItemTable WHERE key = 'composer.composerHeaders'");
                 ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    rows.put("composer.composerHeaders", text(r.getBytes(1)));
                }
            } catch (SQLException e) {
                // no ItemTable: projects stay unknown
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT key, value FROM cursorDiskKV WHERE key LIKE 'composerData:%' OR key LIKE 'bubbleId:%'");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), text(r.getBytes(2)));
                }
            }
        }
        return rows;
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
