package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.ledger.store.StoredLeaf;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cdc-batcher Lambda with concurrency above 1, on real Redis and the local S3 server: every container is
 * wired as the handler wires it (Components.lambdaBatcher, the configured consumer name plus the container's
 * id). A container that starts while another holds entries it read must not take them as its own pending ones
 * (under one shared name it did, and sealed them a second time); in the end every entry is in exactly one batch.
 */
class LambdaConcurrencyTest {
    private static final String STREAM = "lc.public.orders";
    private static final int ENTRIES = 600;
    static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "lc");
        stack.env.put("EDGELEDGER_CDC_BATCH_MAX_EVENTS", "100");
        stack.env.put("EDGELEDGER_CDC_READ_COUNT", "40");
        stack.env.put("EDGELEDGER_CDC_READ_PIPELINE", "2");
        stack.env.put("EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS", "600"); // live containers never reclaim each other's entries
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aContainerStartingWhileAnotherHoldsEntriesLeavesThemAlone() throws Exception {
        Set<String> loaded = load();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepHook pauseAfterFirstRead = step -> {
            if (step == Step.AFTER_READ && holding.getCount() > 0) {
                holding.countDown();
                await(release);
            }
        };
        Batcher first = container("2026/12/07/[$LATEST]0a1b2c3d4e5f60718293a4b5c6d7e8f9", pauseAfterFirstRead);
        Batcher second = container("2026/12/07/[$LATEST]f9e8d7c6b5a4938271605f4e3d2c1b0a", StepHook.NONE);

        AtomicReference<BatcherReport> firstReport = new AtomicReference<>();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Thread firstRun = new Thread(() -> {
            try {
                firstReport.set(first.run(CdcStack.longDeadline()));
            } catch (Throwable e) {
                firstFailure.set(e);
            }
        });
        firstRun.start();
        assertThat(holding.await(60, TimeUnit.SECONDS)).as("the first container read entries").isTrue();
        List<String> held;
        try (TestRedis redis = stack.redisConnection()) {
            held = pendingIds(redis);
        }
        assertThat(held).as("entries the first container holds").isNotEmpty();

        BatcherReport secondReport = second.run(CdcStack.longDeadline());
        try (TestRedis redis = stack.redisConnection()) {
            assertThat(pendingIds(redis)).as("the second container left the first one's entries with it").containsExactlyElementsOf(held);
        }
        release.countDown();
        firstRun.join(120_000);
        assertThat(firstFailure.get()).isNull();

        assertThat(secondReport.consumer()).isNotEqualTo(firstReport.get().consumer()).startsWith("cdc-batcher-");
        assertThat(firstReport.get().consumer()).isEqualTo("cdc-batcher-0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(firstReport.get().entriesRead() + secondReport.entriesRead()).as("each entry read once").isEqualTo(ENTRIES);
        List<String> batched = batchedEntryIds();
        assertThat(new HashSet<>(batched)).as("every entry sealed").isEqualTo(loaded);
        assertThat(batched).as("no entry in two batches").hasSameSizeAs(loaded);
        try (TestRedis redis = stack.redisConnection()) {
            assertThat(pendingIds(redis)).as("nothing left pending").isEmpty();
        }
    }

    private static Batcher container(String logStreamName, StepHook hook) {
        return Components.lambdaBatcher(stack.settings(), stack.store(), hook, Clock.systemUTC(), logStreamName);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> load() {
        Set<String> ids = new HashSet<>();
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("FLUSHALL");
            for (int i = 0; i < ENTRIES; i++) {
                String value = "{\"before\":null,\"after\":{\"id\":" + i + "},\"source\":{\"db\":\"lcdb\",\"schema\":\"public\",\"table\":\"orders\","
                        + "\"ts_ms\":" + (1714554000000L + i) + "},\"op\":\"c\"}";
                ids.add(text(redis.call("XADD", STREAM, "*", "key", "{\"id\":" + i + "}", "value", value)));
            }
        }
        return ids;
    }

    /** Ids pending in the group (XPENDING extended form), in order. */
    @SuppressWarnings("unchecked")
    private static List<String> pendingIds(TestRedis redis) {
        List<String> ids = new ArrayList<>();
        for (Object row : (List<Object>) redis.call("XPENDING", STREAM, "edgeledger-cdc", "-", "+", 100_000)) {
            ids.add(text(((List<Object>) row).get(0)));
        }
        return ids;
    }

    private static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    /** Entry id of every leaf in every complete batch of the bucket (with repeats, if any). */
    private static List<String> batchedEntryIds() {
        List<String> ids = new ArrayList<>();
        try (S3LedgerStore store = stack.store()) {
            for (String prefix : store.batchPrefixes("")) {
                for (StoredLeaf leaf : store.readBatch(prefix).leaves()) {
                    ids.add(leaf.entryId());
                }
            }
        }
        return ids;
    }
}
