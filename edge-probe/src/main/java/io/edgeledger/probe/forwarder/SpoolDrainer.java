package io.edgeledger.probe.forwarder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender thread that delivers a {@link Spool} in order: it peeks the oldest record, hands it to a {@link Delivery}
 * (the EdgeLedger backend's or a Datadog intake's policy), and acks it, keeps it or retries it with {@link Backoff}
 * as the delivery says. A record is acked only when its delivery says so, so nothing is dropped here.
 */
public final class SpoolDrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolDrainer.class);

    /** What to do with the record just tried (its {@code error}, when not null, becomes {@link #lastError()}). */
    public record Outcome(Action action, String error, Duration pause) {
        public enum Action { DELIVERED, SETTLED, KEEP, RETRY }

        /** Received by the other side: counted as delivered and acked. */
        public static Outcome delivered() {
            return new Outcome(Action.DELIVERED, null, Duration.ZERO);
        }

        /** Done with without delivery (dropped or dead-lettered, counted by the delivery): acked. */
        public static Outcome settled(String error) {
            return new Outcome(Action.SETTLED, error, Duration.ZERO);
        }

        /** Left in the spool and tried again after {@code pause}, without counting a retry. */
        public static Outcome keep(String error, Duration pause) {
            return new Outcome(Action.KEEP, error, pause);
        }

        /** A failure that may pass (network, 5xx, 429): counted and tried again after the backoff. */
        public static Outcome retry(String error) {
            return new Outcome(Action.RETRY, error, Duration.ZERO);
        }
    }

    /** How one destination takes a spooled record. */
    public interface Delivery {
        /** Null while sending may go on; otherwise how long to wait before asking again (e.g. no usable API key). */
        default Duration holdOff() {
            return null;
        }

        /** Sends one record; {@code entry.payload()} is null when the record failed its checksum. */
        Outcome deliver(Spool.Entry entry) throws IOException, InterruptedException;

        /** For the retry log line and the network error: "the backend", an intake's URL. */
        String target();
    }

    private final String name;
    private final Spool spool;
    private final Backoff backoff;
    private final Delivery delivery;
    private final SenderSignal signal = new SenderSignal();
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile String lastError = "";
    private Thread sender;

    public SpoolDrainer(String name, Spool spool, Backoff backoff, Delivery delivery) {
        this.name = name;
        this.spool = spool;
        this.backoff = backoff;
        this.delivery = delivery;
    }

    /** Durably queues one record; returns once it is fsynced in the spool. */
    public void submit(byte[] record) {
        spool.append(record);
        submitted.incrementAndGet();
        signal.wake();
    }

    public synchronized void start(String threadName) {
        if (!signal.running()) {
            signal.start();
            sender = Thread.ofPlatform().name(threadName).daemon().start(this::sendLoop);
        }
    }

    private void sendLoop() {
        int failures = 0;
        while (signal.running()) {
            Duration hold = delivery.holdOff();
            if (hold != null) {
                signal.pause(hold);
                continue;
            }
            Optional<Spool.Entry> next;
            try {
                next = spool.peek();
            } catch (UncheckedIOException e) {
                lastError = e.getMessage();
                signal.pause(backoff.delay(++failures, random));
                continue;
            }
            if (next.isEmpty()) {
                signal.idle(Duration.ofMillis(500), spool::pendingRecords);
                continue;
            }
            Spool.Entry entry = next.get();
            Outcome outcome;
            try {
                outcome = delivery.deliver(entry);
            } catch (IOException e) {
                outcome = Outcome.retry("cannot reach " + delivery.target() + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (outcome.error() != null) {
                lastError = outcome.error();
            }
            switch (outcome.action()) {
                case DELIVERED -> {
                    delivered.incrementAndGet(); // before the ack: once the spool is empty, the count is final
                    spool.ack(entry);
                    failures = 0;
                }
                case SETTLED -> spool.ack(entry);
                case KEEP -> signal.pause(outcome.pause());
                case RETRY -> {
                    retries.incrementAndGet();
                    Duration wait = backoff.delay(++failures, random);
                    LOG.warn("{}: {}; retrying in {} ms", name, lastError, wait.toMillis());
                    signal.pause(wait);
                }
            }
        }
    }

    /** Waits until the spool is empty or the timeout passes; true when everything was delivered. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (spool.pendingRecords() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public Spool spool() {
        return spool;
    }

    public long submitted() {
        return submitted.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long retries() {
        return retries.get();
    }

    public String lastError() {
        return lastError;
    }

    /** For what the delivery finds outside a send (an unreadable key file, a dead letter it could not write). */
    public void reportError(String error) {
        lastError = error;
    }

    @Override
    public void close() throws IOException {
        signal.stopAndJoin(sender);
        spool.close();
    }
}
