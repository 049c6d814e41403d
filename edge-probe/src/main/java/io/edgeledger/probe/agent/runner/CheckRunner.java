package io.edgeledger.probe.agent.runner;

import io.edgeledger.probe.agent.check.Check;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A bounded pool of runner threads (Datadog's pkg/collector/runner, {@code check_runners}). A check that is still
 * running when it is due again is skipped, not queued twice. Unlike Datadog, a run past its timeout is cancelled
 * ({@link Check#cancel} and a thread interrupt) and reported as {@link RunStatus#TIMEOUT}; timeouts are enforced by
 * {@link #enforceTimeouts}, which the scheduler calls every tick, so tests drive it with their own clock.
 */
public final class CheckRunner implements AutoCloseable {
    private record Running(Check check, long startedMillis, Future<?> future, RunState state) {}

    /** Guarded by {@code lock}: whether a worker has begun the run, and whether it was reported as timed out. */
    private static final class RunState {
        boolean begun;
        boolean timedOut;
    }

    private final ExecutorService pool;
    private final LongSupplier nowMillis;
    private final Function<Check, RunSender> senders;
    private final Consumer<RunReport> reports;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    public CheckRunner(int workers, LongSupplier nowMillis, Function<Check, RunSender> senders,
            Consumer<RunReport> reports) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers,
                r -> Thread.ofPlatform().name("check-runner-" + n.incrementAndGet()).daemon().unstarted(r));
        this.nowMillis = nowMillis;
        this.senders = senders;
        this.reports = reports;
    }

    /** Starts a run unless one is in progress; returns false (and reports SKIPPED) in that case. */
    public boolean submit(Check check) {
        synchronized (lock) {
            if (running.containsKey(check.id())) {
                reports.accept(new RunReport(check, RunStatus.SKIPPED, nowMillis.getAsLong(), 0,
                        "previous run still in progress", List.of()));
                return false;
            }
            RunState state = new RunState();
            long started = nowMillis.getAsLong();
            // placeholder first so a fast run cannot finish before it is registered
            running.put(check.id(), new Running(check, started, null, state));
            Future<?> future = pool.submit(() -> execute(check, started, state));
            running.computeIfPresent(check.id(), (id, r) -> new Running(check, started, future, state));
            return true;
        }
    }

    private void execute(Check check, long started, RunState state) {
        synchronized (lock) {
            if (state.timedOut) {
                return; // timed out while queued: reported, and its slot already freed
            }
            state.begun = true;
        }
        RunSender sender = senders.apply(check);
        RunStatus status = RunStatus.OK;
        String error = null;
        try {
            check.run(sender);
            if (!check.warnings().isEmpty()) {
                status = RunStatus.WARNING;
            }
        } catch (InterruptedException e) {
            status = RunStatus.ERROR;
            error = "interrupted";
        } catch (Exception | LinkageError e) {
            status = RunStatus.ERROR;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            Thread.interrupted(); // a cancelled run must not leak its interrupt into the next one
        }
        long end = nowMillis.getAsLong();
        sender.commit(end / 1000);
        synchronized (lock) {
            running.remove(check.id());
            if (state.timedOut) {
                return; // already reported as TIMEOUT
            }
        }
        reports.accept(new RunReport(check, status, started, end - started, error, check.warnings()));
    }

    /**
     * Cancels every run older than its check's timeout (counted from its submission, so time spent queued behind busy
     * workers counts too) and reports it.
     */
    public void enforceTimeouts() {
        long now = nowMillis.getAsLong();
        synchronized (lock) {
            for (Iterator<Running> it = running.values().iterator(); it.hasNext(); ) {
                Running r = it.next();
                if (!r.state().timedOut && now - r.startedMillis() > r.check().timeout().toMillis()) {
                    r.state().timedOut = true;
                    r.check().cancel();
                    if (r.future() != null) {
                        r.future().cancel(true);
                    }
                    if (!r.state().begun) {
                        it.remove(); // never started, never will: nothing else would free its slot
                    }
                    // a begun run keeps its slot until it really returns: a stuck run is never stacked
                    reports.accept(new RunReport(r.check(), RunStatus.TIMEOUT, r.startedMillis(), now - r.startedMillis(),
                            "cancelled after exceeding its timeout of " + r.check().timeout().toSeconds() + " s",
                            r.check().warnings()));
                }
            }
        }
    }

    public boolean isRunning(String checkId) {
        return running.containsKey(checkId);
    }

    @Override
    public void close() {
        running.values().forEach(r -> r.check().cancel());
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
