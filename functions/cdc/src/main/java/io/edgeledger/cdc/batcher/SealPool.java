package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.ConsumerGroup;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.redis.RedisSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals batches on a few threads so hashing and S3 round trips overlap with reading. At most
 * {@code maxInFlight} batches and {@code maxInFlightBytes} of entry fields are open at once (the reader
 * waits): memory is bounded by the pipeline, not by the backlog, so a small heap holds any load. A batch
 * larger than the byte budget takes all of it. Each thread has
 * its own Redis connection. A failure is kept and rethrown to the reader, which then stops reading.
 */
final class SealPool implements AutoCloseable {
    private final ExecutorService executor;
    private final Semaphore slots;
    /** Kibibytes of entry fields in flight. */
    private final Semaphore kibibytes;
    private final int maxKibibytes;
    private final int maxInFlight;
    private final Sealer sealer;
    private final RedisSettings endpoint;
    private final String group;
    private final String consumer;
    private final List<RedisConnection> connections = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<ConsumerGroup> threadGroup = new ThreadLocal<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong leaves = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final Queue<String> batchIds = new ConcurrentLinkedQueue<>();
    /** Per sealed batch: milliseconds from handing it over to queued for minting (hashing, S3, ack, queue). */
    final Queue<Long> sealMillis = new ConcurrentLinkedQueue<>();

    SealPool(int threads, int maxInFlight, long maxInFlightBytes, Sealer sealer, RedisSettings endpoint, String group, String consumer) {
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cdc-seal");
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(maxInFlight);
        this.maxKibibytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxInFlightBytes >> 10));
        this.kibibytes = new Semaphore(maxKibibytes);
        this.maxInFlight = maxInFlight;
        this.sealer = sealer;
        this.endpoint = endpoint;
        this.group = group;
        this.consumer = consumer;
    }

    /** Hands a batch to a sealing thread, waiting for a free slot first. */
    void submit(String stream, List<StreamEntry> entries) throws InterruptedException {
        long bytes = 0;
        for (StreamEntry entry : entries) {
            bytes += entry.sizeBytes();
        }
        int kib = (int) Math.min(maxKibibytes, Math.max(1, (bytes + 1023) >> 10));
        slots.acquire();
        kibibytes.acquire(kib);
        long handedOver = System.nanoTime();
        executor.execute(() -> {
            try {
                count(sealer.seal(group(), stream, entries));
                sealMillis.add((System.nanoTime() - handedOver) / 1_000_000);
            } catch (Throwable failure) {
                failures.add(failure);
                dropConnection();
            } finally {
                kibibytes.release(kib);
                slots.release();
            }
        });
    }

    /** The p-th percentile (0..100) of the seal latencies so far, or 0 when nothing was sealed. */
    long sealPercentile(int p) {
        long[] sorted = sealMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    void rethrowFailure() {
        Throwable failure = failures.peek();
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new BatcherException("sealing a batch failed (its entries stay pending for the next run): " + failure.getMessage(), failure);
        }
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /** Waits until every submitted batch is done, then rethrows the first failure. */
    void drain() throws InterruptedException {
        slots.acquire(maxInFlight);
        slots.release(maxInFlight);
        rethrowFailure();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (connections) {
            connections.forEach(RedisConnection::close);
        }
    }

    private ConsumerGroup group() {
        ConsumerGroup current = threadGroup.get();
        if (current == null) {
            RedisConnection redis = RedisConnection.open(endpoint);
            connections.add(redis);
            current = new ConsumerGroup(redis, group, consumer);
            threadGroup.set(current);
        }
        return current;
    }

    private void dropConnection() {
        ConsumerGroup current = threadGroup.get();
        if (current != null) {
            current.connection().close();
            threadGroup.remove();
        }
    }

    private void count(Sealer.Outcome outcome) {
        acked.addAndGet(outcome.entries());
        deadLettered.addAndGet(outcome.poison());
        if (outcome.batchId() != null) {
            batches.incrementAndGet();
            leaves.addAndGet(outcome.leaves());
            batchIds.add(outcome.batchId());
        }
    }
}
