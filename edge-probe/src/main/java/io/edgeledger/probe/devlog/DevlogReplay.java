package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.source.LogSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads every supported log under a home directory once, as if it were the user's home: the {@code devlog replay} command. */
public final class DevlogReplay {
    public static final Comparator<DevlogEvent> ORDER = Comparator.comparing(DevlogEvent::timestamp).thenComparing(DevlogEvent::id);

    private final DevlogCounters counters = new DevlogCounters();
    private final Consumer<String> warnings;

    public DevlogReplay(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** All events, upserted by id (last wins), ordered by timestamp then id. */
    public List<DevlogEvent> readAll(Path home, Set<String> agents) throws IOException {
        Map<String, DevlogEvent> byId = new LinkedHashMap<>();
        for (LogSource source : Sources.select(agents)) {
            for (Path file : source.discover(home)) {
                byId.putAll(readFile(file, source, home).stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.id(), e), Map::putAll));
            }
        }
        List<DevlogEvent> sorted = new ArrayList<>(byId.values());
        sorted.sort(ORDER);
        return sorted;
    }

    /** The events of one file, upserted by id, in source order. */
    public List<DevlogEvent> readFile(Path file, LogSource source, Path home) throws IOException {
        TrackedFile tracked = new TrackedFile(file, source, home);
        Map<String, DevlogEvent> byId = new LinkedHashMap<>();
        FileReading reading = new FileReading(counters, warnings);
        try {
            reading.read(tracked, (f, events) -> events.forEach(e -> byId.put(e.id(), e)), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        }
        counters.files.incrementAndGet();
        return new ArrayList<>(byId.values());
    }

    /**
     * Streams every event chunk by chunk without keeping them (no upsert, no sorting): for large
     * histories and the parse benchmark. Returns the counters of the scan.
     */
    public DevlogCounters scan(Path home, Set<String> agents, Consumer<List<DevlogEvent>> chunks) throws IOException {
        FileReading reading = new FileReading(counters, warnings);
        for (LogSource source : Sources.select(agents)) {
            for (Path file : source.discover(home)) {
                try {
                    reading.read(new TrackedFile(file, source, home), (f, events) -> chunks.accept(events), true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading " + file, e);
                }
                counters.files.incrementAndGet();
            }
        }
        return counters;
    }

    public DevlogCounters counters() {
        return counters;
    }
}
