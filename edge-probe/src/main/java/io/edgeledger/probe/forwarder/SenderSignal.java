package io.edgeledger.probe.forwarder;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a spool's sender thread waits (EdgeLedger's forwarder, each Datadog endpoint): backoff pauses and idle waits
 * end early when new work is submitted ({@link #wake}) or the sender is stopped; an interrupt stops it too.
 */
final class SenderSignal {
    private final Object lock = new Object();
    private volatile boolean running;

    public boolean running() {
        return running;
    }

    public void start() {
        running = true;
    }

    /** Stops the sender: every wait returns at once. */
    public void stop() {
        running = false;
        wake();
    }

    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits {@code d}, or less when stopped. */
    public void pause(Duration d) {
        synchronized (lock) {
            long until = System.nanoTime() + d.toNanos();
            while (running) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitOn(Duration.ofNanos(left));
            }
        }
    }

    /** Waits up to {@code d} for new work, unless some is already pending. */
    public void idle(Duration d, LongSupplier pending) {
        synchronized (lock) {
            if (pending.getAsLong() == 0) {
                waitOn(d);
            }
        }
    }

    private void waitOn(Duration d) {
        try {
            lock.wait(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops and waits for the sender thread to finish its request. */
    public void stopAndJoin(Thread sender) {
        stop();
        if (sender != null) {
            try {
                sender.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
