package io.edgeledger.probe.agent.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.config.ConfigNode;
import io.edgeledger.probe.agent.runner.CheckRunner;
import io.edgeledger.probe.agent.runner.RunReport;
import io.edgeledger.probe.agent.runner.RunSender;
import io.edgeledger.probe.agent.runner.RunStatus;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    /** A check whose runs can be held open; counts its runs and cancels. */
    static final class FakeCheck implements Check {
        final String id;
        final Duration interval;
        final Duration timeout;
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        volatile CountDownLatch hold;
        final CountDownLatch started = new CountDownLatch(1);

        FakeCheck(String id, long intervalSeconds, long timeoutSeconds) {
            this.id = id;
            this.interval = Duration.ofSeconds(intervalSeconds);
            this.timeout = Duration.ofSeconds(timeoutSeconds);
        }

        @Override public String name() { return "fake"; }
        @Override public String id() { return id; }
        @Override public void configure(ConfigNode i, ConfigNode c) {}
        @Override public void run(Sender sender) throws Exception {
            runs.incrementAndGet();
            started.countDown();
            CountDownLatch h = hold;
            if (h != null) {
                h.await();
            }
        }
        @Override public void cancel() { cancels.incrementAndGet(); }
        @Override public Duration interval() { return interval; }
        @Override public Duration timeout() { return timeout; }
        @Override public List<String> tags() { return List.of(); }
        @Override public List<String> warnings() { return List.of(); }
    }

    static final RunSender NO_SENDER = new RunSender() {
        @Override public void gauge(String m, double v, List<String> t) {}
        @Override public void count(String m, double v, List<String> t) {}
        @Override public void rate(String m, double v, List<String> t) {}
        @Override public void monotonicCount(String m, double v, List<String> t) {}
        @Override public void histogram(String m, double v, List<String> t) {}
        @Override public void submit(IngestPayload p) {}
        @Override public void serviceCheck(String n, int s, List<String> t, String m) {}
        @Override public void event(io.edgeledger.probe.agent.check.Event e) {}
        @Override public String probeId() { return "p"; }
        @Override public void commit(long ts) {}
    };

    private final AtomicLong clock = new AtomicLong(1_000_000L); // ms, moved by hand
    private final List<RunReport> reports = new CopyOnWriteArrayList<>();

    private CheckRunner runner(int workers) {
        return new CheckRunner(workers, clock::get, c -> NO_SENDER, reports::add);
    }

    private static void awaitRuns(FakeCheck c, int n) throws InterruptedException {
        Eventually.until(n + " runs of " + c.id(), () -> c.runs.get() >= n);
        assertThat(c.runs.get()).isEqualTo(n);
    }

    private void awaitReports(int n) throws InterruptedException {
        Eventually.until(n + " run reports", () -> reports.size() >= n);
        assertThat(reports).hasSize(n);
    }

    @Test
    void aCheckRunsOncePerIntervalAtItsOwnBucketSecond() throws Exception {
        try (CheckRunner runner = runner(2)) {
            Scheduler s = new Scheduler(runner);
            FakeCheck c = new FakeCheck("system:0123456789abcdef", 15, 15);
            s.enter(c);
            int bucket = Scheduler.bucketOf(c.id(), 15);
            for (long t = 3000; t < 3060; t++) {
                clock.set(t * 1000);
                s.tick(t);
                if (Math.floorMod(t, 15) == bucket) { // let the run start before the clock moves on, however slow the machine
                    int expected = (int) ((t - 3000) / 15) + 1;
                    Eventually.until("the run of second " + t, () -> reports.size() >= expected);
                }
            }
            awaitReports(4);
            List<Long> ranAt = reports.stream().map(r -> r.startedEpochMillis() / 1000).sorted().toList();
            assertThat(ranAt).hasSize(4).allSatisfy(t -> assertThat(Math.floorMod(t, 15)).isEqualTo(bucket));
            assertThat(ranAt.get(1) - ranAt.get(0)).isEqualTo(15);
        }
    }

    @Test
    void instancesOfOneIntervalAreSpreadDeterministically() {
        Set<Integer> buckets = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String id = "network_path:" + String.format("%016x", i * 0x9E3779B97F4A7C15L);
            int b = Scheduler.bucketOf(id, 60);
            assertThat(Scheduler.bucketOf(id, 60)).as("same id, same second").isEqualTo(b);
            assertThat(b).isBetween(0, 59);
            buckets.add(b);
        }
        assertThat(buckets.size()).as("60 instances land on many different seconds").isGreaterThan(25);
    }

    @Test
    void aRunningCheckIsSkippedNotStacked() throws Exception {
        try (CheckRunner runner = runner(4)) {
            Scheduler s = new Scheduler(runner);
            FakeCheck c = new FakeCheck("slow:1", 1, 3600);
            c.hold = new CountDownLatch(1);
            s.enter(c);
            s.tick(1);
            assertThat(c.started.await(5, TimeUnit.SECONDS)).isTrue();
            s.tick(2);
            s.tick(3);
            assertThat(c.runs.get()).as("never two at once").isEqualTo(1);
            assertThat(reports).extracting(RunReport::status).containsExactly(RunStatus.SKIPPED, RunStatus.SKIPPED);
            c.hold.countDown();
            awaitReports(3);
            assertThat(reports.get(2).status()).isEqualTo(RunStatus.OK);
            s.tick(4);
            awaitRuns(c, 2);
        }
    }

    @Test
    void aRunPastItsTimeoutIsCancelledAndReportedOnceAndItsSlotHeldUntilItReturns() throws Exception {
        try (CheckRunner runner = runner(2)) {
            Scheduler s = new Scheduler(runner);
            FakeCheck c = new FakeCheck("stuck:1", 10, 5);
            c.hold = new CountDownLatch(1); // await() is interruptible: the cancel will end it
            s.enter(c);
            long start = Scheduler.bucketOf(c.id(), 10);
            s.tick(start);
            assertThat(c.started.await(5, TimeUnit.SECONDS)).isTrue();
            clock.addAndGet(4_000);
            s.tick(start + 4);
            assertThat(reports).isEmpty();
            clock.addAndGet(2_000); // 6 s > 5 s timeout
            s.tick(start + 6);
            awaitReports(1);
            RunReport r = reports.get(0);
            assertThat(r.status()).isEqualTo(RunStatus.TIMEOUT);
            assertThat(r.error()).contains("timeout of 5 s");
            assertThat(c.cancels.get()).isEqualTo(1);
            Eventually.until("the interrupt ends the run", () -> !runner.isRunning(c.id()));
            clock.addAndGet(10_000);
            s.tick(start + 10);
            Thread.sleep(100);
            assertThat(reports).as("timed out run not reported twice").hasSizeGreaterThanOrEqualTo(1)
                    .filteredOn(x -> x.status() == RunStatus.TIMEOUT).hasSize(1);
        }
    }

    @Test
    void aQueuedRunThatTimesOutBeforeItStartsIsReportedAndFreesItsSlot() throws Exception {
        try (CheckRunner runner = runner(1)) {
            FakeCheck busy = new FakeCheck("busy:1", 60, 3600);
            busy.hold = new CountDownLatch(1);
            FakeCheck queued = new FakeCheck("queued:1", 60, 5);
            assertThat(runner.submit(busy)).isTrue();
            assertThat(busy.started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(runner.submit(queued)).as("queued behind the one worker").isTrue();
            clock.addAndGet(6_000); // 6 s > the queued check's 5 s timeout
            runner.enforceTimeouts();
            awaitReports(1);
            assertThat(reports.get(0).check()).isSameAs(queued);
            assertThat(reports.get(0).status()).isEqualTo(RunStatus.TIMEOUT);
            assertThat(runner.isRunning(queued.id())).as("a run that never started holds no slot").isFalse();
            busy.hold.countDown();
            awaitReports(2);
            assertThat(queued.runs.get()).as("the cancelled run never ran").isZero();
            assertThat(runner.submit(queued)).as("the check runs again at its next interval").isTrue();
            awaitRuns(queued, 1);
            awaitReports(3);
            assertThat(reports).extracting(RunReport::status).containsExactly(RunStatus.TIMEOUT, RunStatus.OK, RunStatus.OK);
        }
    }

    @Test
    void theRunnerPoolIsBounded() throws Exception {
        try (CheckRunner runner = runner(2)) {
            Scheduler s = new Scheduler(runner);
            CountDownLatch hold = new CountDownLatch(1);
            Map<String, FakeCheck> checks = new ConcurrentHashMap<>();
            for (int i = 0; i < 5; i++) {
                FakeCheck c = new FakeCheck("c:" + i, 1, 3600);
                c.hold = hold;
                checks.put(c.id(), c);
                s.enter(c);
            }
            s.tick(1);
            Eventually.until("both workers busy", () -> checks.values().stream().mapToInt(c -> c.runs.get()).sum() >= 2);
            assertThat(checks.values().stream().filter(c -> c.runs.get() > 0).allMatch(c -> runner.isRunning(c.id())))
                    .as("the two started runs are still held").isTrue();
            assertThat(checks.values().stream().mapToInt(c -> c.runs.get()).sum()).as("two workers, the rest queued").isEqualTo(2);
            hold.countDown();
            awaitReports(5);
            assertThat(reports).extracting(RunReport::status).containsOnly(RunStatus.OK);
        }
    }
}
