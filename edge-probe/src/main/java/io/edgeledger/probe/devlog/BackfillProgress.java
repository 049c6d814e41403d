package io.edgeledger.probe.devlog;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The backfill progress bar on stderr: files and bytes. Redrawn in place on a terminal; when stderr
 * is a file or pipe, a plain line every few seconds instead, so logs stay readable.
 */
final class BackfillProgress {
    private static final long TERMINAL_EVERY_NS = 100_000_000L;
    private static final long PLAIN_EVERY_NS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long totalFiles;
    private final long totalBytes;
    private final long startNs = System.nanoTime();
    private long lastDrawNs;
    private boolean drawn;

    BackfillProgress(PrintStream out, boolean terminal, long totalFiles, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    /** True when stderr is a terminal (Linux: fd 2 points at a tty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    void update(long files, long bytes) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDrawNs < (terminal ? TERMINAL_EVERY_NS : PLAIN_EVERY_NS)) {
            return;
        }
        lastDrawNs = now;
        drawn = true;
        draw(files, bytes, false);
    }

    void done(long files, long bytes, long events, long warnings) {
        if (out == null) {
            return;
        }
        draw(files, bytes, true);
        double seconds = (System.nanoTime() - startNs) / 1e9;
        out.printf(Locale.ROOT, "devlog: backfill done: %d files, %s, %d events, %d warnings in %.1f s%n",
                files, mb(bytes), events, warnings, seconds);
        out.flush();
    }

    private void draw(long files, long bytes, boolean last) {
        double fraction = totalBytes == 0 ? 1.0 : Math.min(1.0, (double) bytes / totalBytes);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            out.printf(Locale.ROOT, "\rdevlog backfill [%s%s] %3d%%  %d/%d files  %s/%s%s",
                    "#".repeat(filled), " ".repeat(width - filled), (int) (fraction * 100), files, totalFiles, mb(bytes), mb(totalBytes),
                    last ? "\n" : "");
        } else if (!last) {
            out.printf(Locale.ROOT, "devlog: backfill %d%%: %d/%d files, %s/%s%n", (int) (fraction * 100), files, totalFiles, mb(bytes), mb(totalBytes));
        }
        out.flush();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
