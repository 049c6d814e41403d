package io.edgeledger.probe.devlog;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of a collector or replay: what was read, what came out, what was skipped. */
public final class DevlogCounters {
    final AtomicLong files = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong warnings = new AtomicLong();
    final AtomicLong malformedLines = new AtomicLong();
    final AtomicLong invalidUtf8Lines = new AtomicLong();

    /** A consistent-enough copy for reporting (each value is read atomically). */
    public record Snapshot(long files, long bytes, long events, long warnings, long malformedLines, long invalidUtf8Lines) {}

    public Snapshot snapshot() {
        return new Snapshot(files.get(), bytes.get(), events.get(), warnings.get(), malformedLines.get(), invalidUtf8Lines.get());
    }

    public long files() {
        return files.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long events() {
        return events.get();
    }

    public long warnings() {
        return warnings.get();
    }
}
