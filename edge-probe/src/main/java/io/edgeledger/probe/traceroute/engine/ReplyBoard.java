package io.edgeledger.probe.traceroute.engine;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Send and reply times per probe key (1..size) for one run. The capture thread records replies, the
 * run's thread waits on it; only the first reply per key counts (duplicates would overstate RTT),
 * except that a destination reply replaces an earlier router reply, as upstream does.
 */
public final class ReplyBoard {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long[] sent;
    private final long[] replied;
    private final InetAddress[] from;
    private final boolean[] dest;
    private volatile int lowestDest = -1;
    private volatile boolean aborted;

    public ReplyBoard(int size) {
        sent = new long[size + 1];
        replied = new long[size + 1];
        from = new InetAddress[size + 1];
        dest = new boolean[size + 1];
    }

    public int size() {
        return sent.length - 1;
    }

    public void markSent(int key, long nanos) {
        lock.lock();
        try {
            sent[key] = nanos;
        } finally {
            lock.unlock();
        }
    }

    public void record(int key, InetAddress addr, boolean isDest, long nanos) {
        if (key < 1 || key > size()) {
            return;
        }
        lock.lock();
        try {
            if (sent[key] == 0) {
                return; // an answer to nothing we sent: spoofed or stale
            }
            if (from[key] == null || (isDest && !dest[key])) {
                from[key] = addr;
                replied[key] = nanos;
                dest[key] = isDest;
                if (isDest && (lowestDest < 0 || key < lowestDest)) {
                    lowestDest = key;
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops waiting: nothing more will be learned (e.g. the SACK connection was reset). */
    public void abort() {
        aborted = true;
        poke();
    }

    public boolean aborted() {
        return aborted;
    }

    /** Wakes waiters, e.g. when a shared RTT another run learned may shorten their wait. */
    public void poke() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void awaitUntil(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    public ReentrantLock lock() {
        return lock;
    }

    public int lowestDestination() {
        return lowestDest;
    }

    public boolean answered(int key) {
        return from[key] != null;
    }

    public long sentAt(int key) {
        return sent[key];
    }

    /** RTT in nanoseconds, or -1 when unanswered. */
    public long rtt(int key) {
        return from[key] == null ? -1 : Math.max(0, replied[key] - sent[key]);
    }

    public InetAddress from(int key) {
        return from[key];
    }

    public boolean isDestination(int key) {
        return dest[key];
    }
}
