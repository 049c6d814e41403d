package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.source.LogSource;
import io.edgeledger.probe.devlog.tail.OffsetStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devlog collector the agent hosts as its {@code devlog} check, and the engine of {@code devlog watch}.
 * {@link #backfill()} reads history (with a progress bar), {@link #start()} then tails: WatchService
 * events with a polling sweep as fallback. Events pass a bounded {@link EventBuffer} to one sink thread,
 * which writes each batch ahead ({@link PendingBatch}), hands it to the sink, and only then saves the file
 * offsets past it (with the sink's own checkpoint); a batch interrupted in between is handed over again, same
 * id, same events, so a restart neither drops nor repeats.
 */
public final class DevlogCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevlogCollector.class);

    /** Tuning; {@link #defaults()} suits a developer machine. */
    public record Options(int bufferCapacity, long pollIntervalMs, long rescanIntervalMs, long saveIntervalMs,
                          String machine, PrintStream progress, Consumer<String> warnings,
                          Consumer<List<DevlogEvent>> onBuffered, DeliveryStep.Hook steps) {
        public static Options defaults() {
            return new Options(10_000, 1_000, 5_000, 1_000, hostname(), System.err, LOG::warn, null, DeliveryStep.Hook.fromSystemProperty());
        }

        public Options withProgress(PrintStream out) {
            return new Options(bufferCapacity, pollIntervalMs, rescanIntervalMs, saveIntervalMs, machine, out, warnings, onBuffered, steps);
        }

        public Options withWarnings(Consumer<String> w) {
            return new Options(bufferCapacity, pollIntervalMs, rescanIntervalMs, saveIntervalMs, machine, progress, w, onBuffered, steps);
        }

        public Options withBufferCapacity(int capacity) {
            return new Options(capacity, pollIntervalMs, rescanIntervalMs, saveIntervalMs, machine, progress, warnings, onBuffered, steps);
        }

        public Options withPollInterval(long ms) {
            return new Options(bufferCapacity, ms, rescanIntervalMs, saveIntervalMs, machine, progress, warnings, onBuffered, steps);
        }

        public Options withMachine(String host) {
            return new Options(bufferCapacity, pollIntervalMs, rescanIntervalMs, saveIntervalMs, host, progress, warnings, onBuffered, steps);
        }

        /** Called on the sink thread as each batch passes a {@link DeliveryStep} (crash tests). */
        public Options withSteps(DeliveryStep.Hook hook) {
            return new Options(bufferCapacity, pollIntervalMs, rescanIntervalMs, saveIntervalMs, machine, progress, warnings, onBuffered, hook);
        }

        /** Called on the reader thread right after events entered the buffer (metrics, latency measurement). */
        public Options withOnBuffered(Consumer<List<DevlogEvent>> listener) {
            return new Options(bufferCapacity, pollIntervalMs, rescanIntervalMs, saveIntervalMs, machine, progress, warnings, listener, steps);
        }
    }

    private final Path home;
    private final List<LogSource> sources;
    private final DevlogSink sink;
    private final Options options;
    private final OffsetStore store;
    private final DevlogCounters counters = new DevlogCounters();
    private final EventBuffer buffer;
    private final FileReading reading;
    /** Reader side: files being followed (touched only by the thread reading files). */
    private final Map<Path, TrackedFile> files = new LinkedHashMap<>();
    /** Sink side: what is delivered, saved to the store. */
    private final OffsetStore.State committed;
    /** Reader side: where each file stood at start, to resume it from (a copy: the sink thread moves {@code committed}). */
    private final OffsetStore.State resume;
    /** Sink side: the last batch the saved offsets include. */
    private String lastBatchId;
    private final Path pendingFile;
    private final Object readLock = new Object();
    private final Object deliveredLock = new Object();
    private long queued;
    private long delivered;
    private volatile boolean closing;
    /** Set once no reader can enqueue any more: the sink thread then drains and exits. */
    private volatile boolean readersDone;
    private volatile Throwable sinkFailure;
    private boolean backfilled;
    private Thread sinkThread;
    private Thread watchThread;
    private WatchService watcher;
    private final Set<Path> watchedDirs = new HashSet<>();

    public DevlogCollector(Path home, Path stateDir, Set<String> agents, DevlogSink sink) throws IOException {
        this(home, stateDir, agents, sink, Options.defaults());
    }

    public DevlogCollector(Path home, Path stateDir, Set<String> agents, DevlogSink sink, Options options) throws IOException {
        this.home = home.toAbsolutePath().normalize();
        this.sources = Sources.select(agents);
        this.sink = sink;
        this.options = options;
        this.store = new OffsetStore(stateDir);
        this.pendingFile = stateDir.resolve(PendingBatch.FILE_NAME);
        this.buffer = new EventBuffer(options.bufferCapacity());
        this.reading = new FileReading(counters, options.warnings());
        boolean firstStart = !Files.exists(store.file());
        this.committed = store.load();
        this.lastBatchId = committed.lastBatchId();
        if (firstStart) {
            // all history is read again: a batch written ahead for offsets that are gone must not be sent on top
            Files.deleteIfExists(pendingFile);
            // record where the sink stands before anything is delivered, so a crash before the first
            // regular save can still be rolled back to here
            save();
        } else {
            // events written after the last saved offsets will be read again: drop them from the sink first
            sink.restore(committed.sinkCheckpoint());
            PendingBatch pending = PendingBatch.read(pendingFile);
            if (pending != null && !pending.batchId().equals(lastBatchId)) {
                // stopped after writing this batch ahead, before the offsets included it: the sink may or may not
                // have it, so it gets the very same batch again (same id: an idempotent receiver keeps it once)
                LOG.info("devlog: handing over batch {} again ({} events), interrupted by the last stop", pending.batchId(),
                        pending.events().size());
                sink.accept(pending.batchId(), pending.events());
                commit(pending);
            }
        }
        this.resume = new OffsetStore.State(1, new TreeMap<>(committed.lines()), new TreeMap<>(committed.snapshots()), null, null);
    }

    public DevlogCounters counters() {
        return counters;
    }

    /** Reads all history not yet delivered (everything on first start), showing progress; returns once it is handed to the buffer. */
    public void backfill() throws IOException, InterruptedException {
        startSink();
        synchronized (readLock) {
            List<TrackedFile> found = discover();
            long totalBytes = 0;
            for (TrackedFile f : found) {
                TrackedFile.Stat s = TrackedFile.stat(f.path);
                if (s != null) {
                    totalBytes += f.isLines() ? Math.max(0, s.size() - f.cursor.offset()) : s.size();
                }
            }
            BackfillProgress progress = new BackfillProgress(options.progress(), BackfillProgress.stderrIsTerminal(), found.size(), totalBytes);
            long startBytes = counters.bytes();
            int done = 0;
            for (TrackedFile f : found) {
                readFile(f, () -> { });
                done++;
                progress.update(done, counters.bytes() - startBytes);
            }
            backfilled = true;
            progress.done(done, counters.bytes() - startBytes, counters.events(), counters.warnings());
        }
    }

    /**
     * One synchronous sweep: finds new files, reads what is new in every file, and waits until the sink
     * took it. For hosts that schedule the collector themselves instead of running {@link #start()}.
     */
    public void pollOnce() throws IOException, InterruptedException {
        startSink();
        synchronized (readLock) {
            for (TrackedFile f : discover()) {
                readFile(f, () -> { });
            }
            backfilled = true;
        }
        if (!awaitDelivered(5, TimeUnit.MINUTES)) {
            throw new IOException("devlog: sink did not take the events within 5 minutes"
                    + (sinkFailure == null ? "" : ": " + sinkFailure.getMessage()));
        }
    }

    /** Starts live tailing (after a backfill, run here if it was not called). */
    public void start() throws IOException, InterruptedException {
        if (!backfilled) {
            backfill();
        }
        synchronized (this) { // a close() during the backfill wins: no watcher is left open behind it
            if (closing || watchThread != null) {
                return;
            }
            try {
                watcher = FileSystems.getDefault().newWatchService();
                registerWatches();
            } catch (IOException | UnsupportedOperationException e) {
                warn("devlog: file-system events unavailable (" + e.getMessage() + "), polling every " + options.pollIntervalMs() + " ms");
                watcher = null;
            }
            watchThread = Thread.ofPlatform().name("devlog-watch").daemon(true).start(this::watchLoop);
        }
    }

    /** Waits until every event read so far has been accepted by the sink. */
    public boolean awaitDelivered(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (deliveredLock) {
            long target = queued;
            while (delivered < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || sinkFailure != null) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(deliveredLock, left);
            }
            return true;
        }
    }

    /** Stops tailing, delivers what is buffered, saves offsets. Does not close the sink (its owner does). */
    @Override
    public void close() throws IOException {
        closing = true;
        try {
            synchronized (this) {
                if (watchThread != null) {
                    watchThread.interrupt();
                    watchThread.join(10_000);
                }
                if (watcher != null) {
                    watcher.close();
                }
            }
            synchronized (readLock) {
                readersDone = true; // a running backfill has finished: whatever is buffered now is the last of it
            }
            if (sinkThread != null) {
                sinkThread.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sinkFailure != null) {
            throw new IOException("devlog sink failed: " + sinkFailure.getMessage(), sinkFailure);
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    private List<TrackedFile> discover() throws IOException {
        List<TrackedFile> found = new ArrayList<>();
        for (LogSource source : sources) {
            for (Path path : source.discover(home)) {
                TrackedFile f = files.get(path);
                if (f == null) {
                    f = track(path, source);
                    files.put(path, f);
                    counters.files.incrementAndGet();
                }
                found.add(f);
            }
        }
        return found;
    }

    /** A newly seen file, resumed from the saved state when there is one. */
    private TrackedFile track(Path path, LogSource source) throws IOException {
        TrackedFile f = new TrackedFile(path, source, home);
        String key = path.toString();
        if (f.isLines()) {
            OffsetStore.LineState saved = resume.lines().get(key);
            TrackedFile.Stat now = TrackedFile.stat(path);
            if (saved != null && now != null && saved.offset() > 0) {
                if (saved.fileKey() != null && saved.fileKey().equals(now.key()) && now.size() >= saved.offset()) {
                    reading.warmUp(f, saved.offset());
                    f.fileKey = now.key();
                } else {
                    warn("devlog: " + path + ": replaced or truncated while stopped, reading it again from the start");
                }
            }
        } else {
            OffsetStore.SnapshotState saved = resume.snapshots().get(key);
            if (saved != null) {
                f.snapshotMtime = saved.mtime();
                f.snapshotSize = saved.size();
                f.fingerprints = new HashMap<>(saved.fingerprints());
            }
        }
        return f;
    }

    private void readFile(TrackedFile f, Runnable afterChunk) throws IOException, InterruptedException {
        try {
            reading.read(f, (file, events) -> {
                enqueue(events, checkpointOf(file));
                afterChunk.run();
            }, true);
        } catch (IOException | RuntimeException e) {
            // one unreadable file (permissions, vanished, corrupt SQLite) must not stop the collector
            warn("devlog: " + f.path + ": " + e.getMessage() + " (will retry)");
        }
    }

    private static EventBuffer.Checkpoint checkpointOf(TrackedFile f) {
        String agent = f.source.agentId();
        Object state = f.isLines()
                ? new OffsetStore.LineState(agent, f.fileKey, f.cursor.offset(), f.cursor.lineNo())
                : new OffsetStore.SnapshotState(agent, f.snapshotMtime, f.snapshotSize, new TreeMap<>(f.fingerprints));
        return new EventBuffer.Checkpoint(f.path.toString(), state);
    }

    private void enqueue(List<DevlogEvent> events, EventBuffer.Checkpoint checkpoint) throws InterruptedException {
        if (sinkFailure != null) {
            throw new IllegalStateException("devlog sink failed: " + sinkFailure.getMessage(), sinkFailure);
        }
        synchronized (deliveredLock) {
            queued++;
        }
        buffer.put(new EventBuffer.Batch(events, checkpoint));
        if (options.onBuffered() != null && !events.isEmpty()) {
            options.onBuffered().accept(events);
        }
    }

    private void watchLoop() {
        long lastRescan = System.nanoTime();
        try {
            while (!closing) {
                Set<Path> dirty = new LinkedHashSet<>();
                boolean rescan = false;
                boolean sweep;
                if (watcher != null) {
                    WatchKey key = watcher.poll(options.pollIntervalMs(), TimeUnit.MILLISECONDS);
                    sweep = key == null;
                    while (key != null) {
                        Path dir = (Path) key.watchable();
                        for (WatchEvent<?> event : key.pollEvents()) {
                            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                                sweep = true;
                                continue;
                            }
                            Path changed = dir.resolve((Path) event.context());
                            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                                rescan = true;
                            }
                            dirty.add(changed);
                        }
                        key.reset();
                        key = watcher.poll();
                    }
                } else {
                    Thread.sleep(options.pollIntervalMs());
                    sweep = true;
                }
                if (System.nanoTime() - lastRescan > TimeUnit.MILLISECONDS.toNanos(options.rescanIntervalMs())) {
                    rescan = true;
                }
                try {
                    synchronized (readLock) {
                        if (rescan) {
                            lastRescan = System.nanoTime();
                            discover();
                            registerWatches();
                        }
                        for (TrackedFile f : new ArrayList<>(files.values())) {
                            if (sweep || dirty.contains(f.path) || dirty.contains(Path.of(f.path + "-wal"))) {
                                readFile(f, () -> { });
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // never stop tailing over one bad scan (e.g. inotify watch limit reached): report, go on polling
                    warn("devlog: scan failed (" + e + "), retrying in " + options.pollIntervalMs() + " ms");
                    Thread.sleep(options.pollIntervalMs());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void registerWatches() throws IOException {
        if (watcher == null) {
            return;
        }
        for (LogSource source : sources) {
            for (Path root : source.roots(home)) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> dirs = Files.walk(root, 6)) {
                    for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                        if (watchedDirs.add(dir)) {
                            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                                    StandardWatchEventKinds.ENTRY_DELETE);
                        }
                    }
                } catch (UncheckedIOException e) {
                    // a directory vanished while walking: the next rescan retries
                }
            }
        }
    }

    // ---- delivering ---------------------------------------------------------------------------

    private synchronized void startSink() {
        if (sinkThread == null) {
            sinkThread = Thread.ofPlatform().name("devlog-sink").daemon(true).start(this::sinkLoop);
        }
    }

    private void sinkLoop() {
        long lastSave = System.nanoTime();
        boolean unsaved = false;
        try {
            while (true) {
                boolean finishing = readersDone;
                List<EventBuffer.Batch> batches = buffer.drain(finishing ? 0 : 200);
                if (!batches.isEmpty()) {
                    unsaved = !deliver(batches);
                    if (!unsaved) {
                        lastSave = System.nanoTime();
                    }
                }
                boolean due = System.nanoTime() - lastSave > TimeUnit.MILLISECONDS.toNanos(options.saveIntervalMs());
                if (unsaved && (due || finishing)) {
                    save();
                    lastSave = System.nanoTime();
                    unsaved = false;
                }
                if (finishing && batches.isEmpty() && buffer.isEmpty()) {
                    if (unsaved) {
                        save();
                    }
                    return;
                }
            }
        } catch (Throwable t) {
            sinkFailure = t;
            LOG.error("devlog: sink stopped: {}", t.toString());
            synchronized (deliveredLock) {
                deliveredLock.notifyAll();
            }
        }
    }

    /**
     * Hands the drained batches to the sink as one batch: written ahead, then to the sink (durable there when it
     * returns), and only then the offsets saved past it. A stop between any two steps loses nothing and, the sink
     * being idempotent by batch id, repeats nothing ({@link PendingBatch}).
     * @return whether the offsets were saved (batches without events only move positions, saved later)
     */
    private boolean deliver(List<EventBuffer.Batch> batches) throws IOException, InterruptedException {
        PendingBatch batch = PendingBatch.of(batches, e -> options.machine() == null ? e : e.withMachine(options.machine()),
                this::committedPosition);
        boolean saved = false;
        if (batch.events().isEmpty()) {
            committed.lines().putAll(batch.lines());
            committed.snapshots().putAll(batch.snapshots());
        } else {
            batch.write(pendingFile);
            options.steps().reached(DeliveryStep.WRITTEN_AHEAD, batch.batchId());
            handOver(batch);
            options.steps().reached(DeliveryStep.HANDED_OVER, batch.batchId());
            commit(batch);
            options.steps().reached(DeliveryStep.OFFSETS_SAVED, batch.batchId());
            saved = true;
        }
        synchronized (deliveredLock) {
            delivered += batches.size();
            deliveredLock.notifyAll();
        }
        return saved;
    }

    private Object committedPosition(String path) {
        OffsetStore.LineState line = committed.lines().get(path);
        return line != null ? line : committed.snapshots().get(path);
    }

    private void handOver(PendingBatch batch) throws InterruptedException {
        long backoffMs = 500;
        while (true) {
            try {
                sink.accept(batch.batchId(), batch.events());
                return;
            } catch (IOException e) {
                // never drop: keep the batch and retry; the reader blocks on the full buffer meanwhile
                warn("devlog: sink rejected " + batch.events().size() + " events (" + e.getMessage() + "), retrying in " + backoffMs + " ms");
                Thread.sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
    }

    /** The sink has the batch: the offsets (and the sink's own checkpoint) now move past it. */
    private void commit(PendingBatch batch) throws IOException {
        committed.lines().putAll(batch.lines());
        committed.snapshots().putAll(batch.snapshots());
        lastBatchId = batch.batchId();
        save();
    }

    private void save() throws IOException {
        String sinkCheckpoint = sink.checkpoint();
        store.save(new OffsetStore.State(1, committed.lines(), committed.snapshots(), sinkCheckpoint, lastBatchId));
    }

    private void warn(String message) {
        counters.warnings.incrementAndGet();
        options.warnings().accept(message);
    }

    static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
