package io.edgeledger.probe.agent.scheduler;

import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.runner.CheckRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * When checks run (Datadog's pkg/collector/scheduler): one queue per interval, each queue cut into 1 s buckets, one
 * bucket per second of the interval. A check sits in bucket {@code hash(id) mod interval}, so instances of the same
 * interval are spread over it, and the same check always runs at the same second of its interval (deterministic
 * across restarts). {@link #tick} fires the bucket of a given second; {@link #start} ticks with the wall clock, and
 * tests call {@link #tick} with their own clock.
 */
public final class Scheduler implements AutoCloseable {
    private final CheckRunner runner;
    private final Map<Long, JobQueue> queues = new TreeMap<>();
    private long lastTick = Long.MIN_VALUE;
    private volatile boolean running;
    private Thread thread;

    public Scheduler(CheckRunner runner) {
        this.runner = runner;
    }

    /** The second of its interval at which a check runs. */
    public static int bucketOf(String checkId, long intervalSeconds) {
        return (int) Math.floorMod((long) checkId.hashCode(), intervalSeconds);
    }

    public synchronized void enter(Check check) {
        long interval = Math.max(1, check.interval().toSeconds());
        queues.computeIfAbsent(interval, JobQueue::new).add(check);
    }

    public synchronized void remove(String checkId) {
        queues.values().forEach(q -> q.remove(checkId));
    }

    /** Runs the bucket of {@code epochSecond} in every queue, then lets the runner cancel overdue runs. */
    public void tick(long epochSecond) {
        List<Check> due = new ArrayList<>();
        synchronized (this) {
            for (JobQueue q : queues.values()) {
                due.addAll(q.bucket(epochSecond));
            }
            lastTick = epochSecond;
        }
        for (Check c : due) {
            runner.submit(c);
        }
        runner.enforceTimeouts();
    }

    /** Ticks once per wall-clock second; seconds missed (a long GC, a suspended VM) are ticked late, up to a minute. */
    public synchronized Scheduler start(LongSupplier nowMillis) {
        running = true;
        thread = Thread.ofPlatform().name("scheduler").daemon().start(() -> {
            long next = nowMillis.getAsLong() / 1000;
            while (running) {
                long now = nowMillis.getAsLong() / 1000;
                if (now - next > 60) {
                    next = now - 60;
                }
                for (; next <= now && running; next++) {
                    tick(next);
                }
                long sleep = 1000 - Math.floorMod(nowMillis.getAsLong(), 1000L) + 1;
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return this;
    }

    public synchronized long lastTick() {
        return lastTick;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The checks of one interval, in one bucket per second. */
    private static final class JobQueue {
        private final long interval;
        private final List<List<Check>> buckets = new ArrayList<>();

        JobQueue(long interval) {
            this.interval = interval;
            for (int i = 0; i < interval; i++) {
                buckets.add(new ArrayList<>());
            }
        }

        void add(Check c) {
            buckets.get(bucketOf(c.id(), interval)).add(c);
        }

        void remove(String id) {
            buckets.forEach(b -> b.removeIf(c -> c.id().equals(id)));
        }

        List<Check> bucket(long epochSecond) {
            return List.copyOf(buckets.get((int) Math.floorMod(epochSecond, interval)));
        }
    }
}
