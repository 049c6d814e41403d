package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.keyspace.SealIntents;
import io.edgeledger.ledger.store.StoredLeaf;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four batchers in one consumer group at once, on real Redis and the local S3 server; two of them die (one
 * holding entries it read, one with a batch complete in S3 but not acked). A fifth batcher takes over the
 * dead ones' entries (XAUTOCLAIM) and their open batch: in the end every entry is in exactly one complete
 * batch, none pending, no batch left half done.
 */
class ScaleOutTest {
    private static final List<String> STREAMS = List.of("so.public.orders", "so.public.customers");
    private static final int PER_STREAM = 1500;
    static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "so");
        stack.env.put("EDGELEDGER_CDC_BATCH_MAX_EVENTS", "100");
        stack.env.put("EDGELEDGER_CDC_READ_COUNT", "40");
        stack.env.put("EDGELEDGER_CDC_READ_PIPELINE", "2");
        stack.env.put("EDGELEDGER_CDC_SEAL_THREADS", "2");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void fourBatchersSplitTheEntriesAndASurvivorTakesOverTheDeadOnes() throws Exception {
        Set<String> loaded = load();
        // Live batchers never take over each other's entries: their visibility timeout is far above a seal.
        stack.env.put("EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS", "600");
        List<StepHook> hooks = List.of(StepHook.NONE, new CrashAt(Step.BEFORE_ACK), StepHook.NONE, new CrashAt(Step.AFTER_READ));
        List<Batcher> batchers = new ArrayList<>();
        for (int i = 0; i < hooks.size(); i++) {
            stack.env.put("EDGELEDGER_CDC_CONSUMER", "batcher-" + i);
            batchers.add(stack.batcher(hooks.get(i)));
        }
        ConcurrentLinkedQueue<Throwable> deaths = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (Batcher batcher : batchers) {
            Thread t = new Thread(() -> {
                try {
                    batcher.run(CdcStack.longDeadline());
                } catch (Throwable e) {
                    deaths.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(deaths).as("the two killed batchers, nobody else").hasSize(2).allMatch(e -> e instanceof CrashAt.SimulatedCrash);
        assertThat(batchedEntryIds()).as("the live batchers sealed entries while the others died").isNotEmpty();

        // A survivor with a short visibility timeout runs until the dead batchers' entries are taken over.
        stack.env.put("EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS", "0.5");
        stack.env.put("EDGELEDGER_CDC_READ_BLOCK_MS", "200");
        stack.env.put("EDGELEDGER_CDC_CONSUMER", "survivor");
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (TestRedis redis = stack.redisConnection()) {
            while (pending(redis) > 0 || (Long) redis.call("SCARD", SealIntents.INDEX_KEY) > 0) {
                assertThat(System.nanoTime()).as("the survivor took over within 2 minutes").isLessThan(deadline);
                stack.batcher(StepHook.NONE).run(CdcStack.longDeadline()); // each run ends after a bounded block
            }
        } finally {
            stack.env.put("EDGELEDGER_CDC_READ_BLOCK_MS", "50");
            stack.env.remove("EDGELEDGER_CDC_CONSUMER");
        }

        List<String> batched = batchedEntryIds();
        assertThat(new HashSet<>(batched)).as("every entry sealed").isEqualTo(loaded);
        assertThat(batched).as("no entry in two batches").hasSameSizeAs(loaded);
    }

    private static Set<String> load() {
        Set<String> ids = new HashSet<>();
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("FLUSHALL");
            for (String stream : STREAMS) {
                String table = stream.substring(stream.lastIndexOf('.') + 1);
                for (int i = 0; i < PER_STREAM; i++) {
                    String value = "{\"before\":null,\"after\":{\"id\":" + i + ",\"note\":\"row " + i + "\"},\"source\":{\"db\":\"sodb\","
                            + "\"schema\":\"public\",\"table\":\"" + table + "\",\"ts_ms\":" + (1714554000000L + i) + "},\"op\":\"c\"}";
                    ids.add(stream + " " + text(redis.call("XADD", stream, "*", "key", "{\"id\":" + i + "}", "value", value)));
                }
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static long pending(TestRedis redis) {
        long n = 0;
        for (String stream : STREAMS) {
            n += SamplesToMintedBatchesTest.pendingCount(redis, stream);
            // Entries never delivered to anyone count too: the group's last delivered id must be the stream's last.
            List<Object> group = (List<Object>) ((List<Object>) redis.call("XINFO", "GROUPS", stream)).get(0);
            String lastDelivered = null;
            for (int i = 0; i + 1 < group.size(); i += 2) {
                if (text(group.get(i)).equals("last-delivered-id")) {
                    lastDelivered = text(group.get(i + 1));
                }
            }
            List<Object> last = (List<Object>) redis.call("XREVRANGE", stream, "+", "-", "COUNT", 1);
            if (!text(((List<Object>) last.get(0)).get(0)).equals(lastDelivered)) {
                n++;
            }
        }
        return n;
    }

    private static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    /** "stream id" of every leaf in every complete batch of the bucket (with repeats, if any). */
    private static List<String> batchedEntryIds() {
        List<String> ids = new ArrayList<>();
        try (S3LedgerStore store = stack.store()) {
            for (String prefix : store.batchPrefixes("")) {
                var batch = store.readBatch(prefix);
                for (StoredLeaf leaf : batch.leaves()) {
                    ids.add(batch.manifest().stream() + " " + leaf.entryId());
                }
            }
        }
        return ids;
    }
}
