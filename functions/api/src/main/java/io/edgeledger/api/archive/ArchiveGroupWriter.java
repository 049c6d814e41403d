package io.edgeledger.api.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of the S3 archive. Concurrent requests hand their records here; records that arrive while a write is
 * in flight (or within the optional linger) go out together as ONE object per (kind, day), and each caller returns
 * only once the object holding its records is stored, so a batch is still never acknowledged before it is durable in
 * S3. A failed write fails every record of that object: each of those requests gets 503 and none is marked ingested.
 * Under light load (and on Lambda, one request per instance) a group is one record written at once, as before;
 * under load the group grows by itself to what arrives during one write, which is what cuts the PUTs per request.
 */
@ApplicationScoped
public class ArchiveGroupWriter {
    /** Bounds of one group, how many writes may be in flight, how long a record may wait for company. */
    public record Limits(int maxRecords, int maxBytes, int maxInFlight, Duration linger, Duration timeout) {
        static Limits of(ApiConfig.Api api) {
            return new Limits(api.archiveGroupMaxRecords(), api.archiveGroupMaxBytes(), api.archiveGroupMaxInFlight(),
                    Duration.ofMillis(api.archiveGroupLingerMillis()), Duration.ofMillis(api.archiveWriteTimeoutMillis()));
        }
    }

    private record Pending(String prefix, byte[] line, long enqueuedNanos, CompletableFuture<Void> stored) {}

    private final ArchiveStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Limits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long pendingBytes;
    private int inFlight;
    private boolean lingerTimerArmed;

    @Inject
    public ArchiveGroupWriter(ArchiveStore store, ObjectMapper json, Clock clock, ApiConfig config) {
        this(store, json, clock, Limits.of(config.api()));
    }

    public ArchiveGroupWriter(ArchiveStore store, ObjectMapper json, Clock clock, Limits limits) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
    }

    /** Returns once every record is in S3; throws 503 {@code archive_unavailable} when its object could not be written. */
    public void write(List<ArchiveRecord> records) {
        List<CompletableFuture<Void>> stored = new ArrayList<>(records.size());
        List<Pending> mine = new ArrayList<>(records.size());
        for (ArchiveRecord record : records) {
            CompletableFuture<Void> future = new CompletableFuture<>();
            mine.add(new Pending(record.prefix(), ArchiveLines.encode(json, record), System.nanoTime(), future));
            stored.add(future);
        }
        List<List<Pending>> ready;
        lock.lock();
        try {
            for (Pending p : mine) {
                pending.addLast(p);
                pendingBytes += p.line().length;
            }
            ready = takeReady();
        } finally {
            lock.unlock();
        }
        ready.forEach(this::startWrite);
        awaitAll(stored);
    }

    /** Called with the lock held: the groups that may be written now (each counted in flight). */
    private List<List<Pending>> takeReady() {
        List<List<Pending>> groups = new ArrayList<>();
        while (!pending.isEmpty()) {
            boolean full = pending.size() >= limits.maxRecords() || pendingBytes >= limits.maxBytes();
            boolean lingered = System.nanoTime() - pending.peekFirst().enqueuedNanos() >= limits.linger().toNanos();
            if (!full && !(inFlight < limits.maxInFlight() && lingered)) {
                break;
            }
            groups.add(takeGroup());
            inFlight++;
        }
        if (!pending.isEmpty() && !limits.linger().isZero() && !lingerTimerArmed && inFlight < limits.maxInFlight()) {
            // nothing in flight will come back to pick these up: wake up when the oldest has waited long enough
            lingerTimerArmed = true;
            long waitNanos = limits.linger().toNanos() - (System.nanoTime() - pending.peekFirst().enqueuedNanos());
            Thread.ofVirtual().name("archive-linger").start(() -> {
                sleepNanos(waitNanos);
                List<List<Pending>> due;
                lock.lock();
                try {
                    lingerTimerArmed = false;
                    due = takeReady();
                } finally {
                    lock.unlock();
                }
                due.forEach(this::startWrite);
            });
        }
        return groups;
    }

    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        long bytes = 0;
        while (!pending.isEmpty() && group.size() < limits.maxRecords()) {
            Pending next = pending.peekFirst();
            if (!group.isEmpty() && bytes + next.line().length > limits.maxBytes()) {
                break;
            }
            pending.removeFirst();
            pendingBytes -= next.line().length;
            bytes += next.line().length;
            group.add(next);
        }
        return group;
    }

    private void startWrite(List<Pending> group) {
        Thread.ofVirtual().name("archive-write").start(() -> {
            try {
                writeGroup(group);
            } finally {
                List<List<Pending>> ready;
                lock.lock();
                try {
                    inFlight--;
                    ready = takeReady();
                } finally {
                    lock.unlock();
                }
                ready.forEach(this::startWrite);
            }
        });
    }

    /** One object per (kind, day) of the group; almost always a single one. */
    private void writeGroup(List<Pending> group) {
        Map<String, List<Pending>> byPrefix = new LinkedHashMap<>();
        for (Pending p : group) {
            byPrefix.computeIfAbsent(p.prefix(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Pending>> object : byPrefix.entrySet()) {
            List<Pending> records = object.getValue();
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (Pending p : records) {
                    bytes.writeBytes(p.line());
                }
                store.put(ArchiveStore.groupKey(object.getKey(), clock.instant()), bytes.toByteArray(), "application/x-ndjson");
                records.forEach(p -> p.stored().complete(null));
            } catch (RuntimeException | Error e) {
                records.forEach(p -> p.stored().completeExceptionally(e));
            }
        }
    }

    private void awaitAll(List<CompletableFuture<Void>> stored) {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        for (CompletableFuture<Void> future : stored) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiException api) {
                    throw api;
                }
                throw ApiException.unavailable("archive_unavailable", "could not archive the batch to S3 (bucket "
                        + store.bucket() + "); nothing was marked ingested, retry later: " + e.getCause());
            } catch (TimeoutException e) {
                throw ApiException.unavailable("archive_unavailable", "S3 did not confirm the archive write within "
                        + limits.timeout().toMillis() + " ms; nothing was marked ingested, retry later");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.unavailable("archive_unavailable", "interrupted while waiting for the S3 archive; retry later");
            }
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
