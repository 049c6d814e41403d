package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.batcher.BatcherReport;
import java.util.List;
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
        try (TestRedis redis = stack.redisConnection()) {
            Samples.load(redis, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.public.customers"), 0);
            // Keep the first stream busy so the run does not end as caught up before the new one appears.
            Thread feeder = new Thread(() -> {
                try (TestRedis feed = stack.redisConnection()) {
                    for (int i = 0; i < 20; i++) {
                        feed.call("XADD", "m.public.customers", "*", "key", "default", "value", "default");
                        if (i == 5) {
                            Samples.load(feed, only(Samples.entries("redis/streams-extended.jsonl", "m"), "m.public.orders"), 0);
                        }
                        Thread.sleep(40);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            feeder.start();
            BatcherReport report = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
            feeder.join();
            assertThat(report.streams()).contains("m.public.orders");
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

            Thread.sleep(300); // past the 0.2 s visibility timeout
            BatcherReport report = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());

            assertThat(report.reclaimed()).isEqualTo(6);
            assertThat(report.entriesAcked()).isEqualTo(6);
            assertThat(report.batchesSealed()).isEqualTo(1);
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

    private static List<Samples.Entry> only(List<Samples.Entry> entries, String stream) {
        return entries.stream().filter(e -> e.stream().equals(stream)).toList();
    }
}
