package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off between file readers and the sink. A full buffer blocks the reader
 * (backpressure: reading pauses, nothing is dropped). Each batch carries the file positions it
 * reaches, so positions are saved only once its events are delivered.
 */
final class EventBuffer {
    /** Events of one chunk and the position they bring the file to. */
    record Batch(List<DevlogEvent> events, Checkpoint position) {}

    /** A file position to commit once the batch is delivered: line files and whole-file snapshots alike. */
    record Checkpoint(String path, Object state) {}

    private final int capacity;
    private final ArrayDeque<Batch> batches = new ArrayDeque<>();
    private int events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();

    EventBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be at least 1 event, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Blocks while the buffer is full; a batch larger than the capacity waits for an empty buffer. */
    void put(Batch batch) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int n = batch.events().size();
            while (events > 0 && events + n > capacity) {
                notFull.await();
            }
            batches.add(batch);
            events += n;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes every batch available, waiting up to {@code timeoutMs} for the first. */
    List<Batch> drain(long timeoutMs) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (batches.isEmpty() && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            List<Batch> out = new ArrayList<>(batches);
            batches.clear();
            events = 0;
            notFull.signalAll();
            return out;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return events;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return batches.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
