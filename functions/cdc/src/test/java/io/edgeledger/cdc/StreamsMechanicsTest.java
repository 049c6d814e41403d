package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.testing.Eventually;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery of new streams without a restart, and entries of a dead consumer taken over. */
class StreamsMechanicsTest {
    static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "m");
        stack.env.put("EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS", "0.2");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void emptyRedis() {
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("FLUSHALL");
        }
    }

    @Test
    void aStreamCreatedWhileRunningIsPickedUpWithoutARestart() {
        Batcher batcher = stack.batcher(StepHook.NONE);
        try (TestRedis redis = stack.redisConnection()) {
            Samples.load(redis, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.public.customers"), 0);
            BatcherReport first = batcher.run(CdcStack.longDeadline());
            assertThat(first.streams()).containsExactly("m.public.customers");
            assertThat(first.batchesSealed()).isEqualTo(1);

            // A new table appears in Redis; the same batcher (same process) seals it on its next run.
            Samples.load(redis, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.inventory.products"), 0);
            BatcherReport second = batcher.run(CdcStack.longDeadline());
            assertThat(second.streams()).contains("m.inventory.products");
            assertThat(second.batchesSealed()).isEqualTo(1);
            assertThat(second.entriesAcked()).isEqualTo(5);
            assertThat(SamplesToMintedBatchesTest.pendingCount(redis, "m.inventory.products")).isZero();
        }
    }

    @Test
    void aStreamCreatedDuringALongRunIsPickedUpByThatRun() throws Exception {
        stack.env.put("EDGELEDGER_CDC_REDISCOVER_SECONDS", "0.05");
        stack.env.put("EDGELEDGER_CDC_READ_BLOCK_MS", "100");
        try (TestRedis redis = stack.redisConnection(); TestRedis feed = stack.redisConnection()) {
            Samples.load(redis, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.public.customers"), 0);
            // The run itself paces the feed: after each of its reads one more entry waits in the first stream, so it
            // cannot end as caught up, however slow the machine, until it has discovered the new stream (or the
            // generous deadline ends the feed and the assertion below fails).
            long feedUntil = System.nanoTime() + Eventually.DEADLINE.toNanos();
            AtomicBoolean newStreamAdded = new AtomicBoolean();
            StepHook feeder = step -> {
                if (step != Step.AFTER_READ || System.nanoTime() > feedUntil || hasGroup(feed, "m.public.orders")) {
                    return;
                }
                if (newStreamAdded.compareAndSet(false, true)) {
                    Samples.load(feed, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.public.orders"), 0);
                }
                feed.call("XADD", "m.public.customers", "*", "key", "default", "value", "default");
            };
            BatcherReport report = stack.batcher(feeder).run(CdcStack.longDeadline());
            assertThat(report.streams()).contains("m.public.orders");
            assertThat(SamplesToMintedBatchesTest.pendingCount(redis, "m.public.orders")).isZero();
        } finally {
            stack.env.remove("EDGELEDGER_CDC_REDISCOVER_SECONDS");
            stack.env.put("EDGELEDGER_CDC_READ_BLOCK_MS", "50");
        }
    }

    @Test
    void entriesADeadConsumerReadAreReclaimedAndSealed() throws Exception {
        try (TestRedis redis = stack.redisConnection()) {
            Samples.load(redis, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.public.orders"), 0);
            redis.call("XGROUP", "CREATE", "m.public.orders", "edgeledger-cdc", "0", "MKSTREAM");
            // Another batcher instance reads everything and dies before acking.
            redis.call("XREADGROUP", "GROUP", "edgeledger-cdc", "crashed-instance", "COUNT", 100, "STREAMS", "m.public.orders", ">");
            assertThat(SamplesToMintedBatchesTest.pendingCount(redis, "m.public.orders")).isEqualTo(6);

            // the entries have been idle past the 0.2 s visibility timeout, as Redis itself counts it
            Eventually.until("the dead consumer's entries idle for over 200 ms", () -> {
                List<?> idle = (List<?>) redis.call("XPENDING", "m.public.orders", "edgeledger-cdc", "IDLE", 250, "-", "+", 100);
                return idle.size() == 6;
            });
            BatcherReport report = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());

            assertThat(report.reclaimed()).isEqualTo(6);
            assertThat(report.entriesAcked()).isEqualTo(6);
            assertThat(SamplesToMintedBatchesTest.pendingCount(redis, "m.public.orders")).isZero();
        }
    }

    @Test
    void aRunWithNothingToReadEndsAfterABoundedBlock() {
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("XADD", "m.empty.table", "*", "key", "default", "value", "default");
        }
        BatcherReport report = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
        // The tombstone alone yields no batch but is acked; the run returned instead of blocking forever.
        assertThat(report.entriesAcked()).isEqualTo(1);
        assertThat(report.batchesSealed()).isZero();
    }

    private static boolean hasGroup(TestRedis redis, String stream) {
        return ((Long) redis.call("EXISTS", stream)) == 1 && !((List<?>) redis.call("XINFO", "GROUPS", stream)).isEmpty();
    }

    private static List<Samples.Entry> only(List<Samples.Entry> entries, String stream) {
        return entries.stream().filter(e -> e.stream().equals(stream)).toList();
    }
}
