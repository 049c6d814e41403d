package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.Deadline;
import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.keyspace.SealIntent;
import io.edgeledger.cdc.keyspace.SealIntents;
import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.ConsumerGroup;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.StreamDiscovery;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.store.LedgerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One batcher run: finish batches a crashed run left behind, discover the streams, take over entries
 * stuck with dead consumers, read (own pending first, then new entries) and seal batches until caught up
 * or the deadline is near. Entries it read but did not seal stay pending for the next run.
 */
public final class Batcher {
    private static final Logger LOG = Logger.getLogger(Batcher.class.getName());

    private final BatcherSettings settings;
    private final BatchSealer batches;
    private final LedgerStore store;
    private final StepHook hook;
    private final Clock clock;

    public Batcher(BatcherSettings settings, BatchSealer batches, LedgerStore store, StepHook hook, Clock clock) {
        this.settings = settings;
        this.batches = batches;
        this.store = store;
        this.hook = hook;
        this.clock = clock;
    }

    public BatcherReport run(Deadline deadline) {
        long started = clock.millis();
        Sealer sealer = new Sealer(batches, store, hook, clock, settings.nullPlaceholder());
        try (RedisConnection redis = RedisConnection.open(settings.redis());
                SealPool pool = new SealPool(settings.sealThreads(), settings.maxInFlight(), settings.maxInFlightBytes(), sealer,
                        settings.redis(), settings.group(), settings.consumer())) {
            ConsumerGroup group = new ConsumerGroup(redis, settings.group(), settings.consumer());
            long[] intents = finishIntents(redis, group, sealer);

            StreamDiscovery discovery = new StreamDiscovery(settings.streamPrefix());
            List<String> streams = new ArrayList<>(discovery.streams(redis));
            group.ensureGroups(streams);
            long reclaimed = reclaim(group, streams);
            long lastDiscovery = clock.millis();

            Map<String, String> pendingCursor = new LinkedHashMap<>();
            streams.forEach(stream -> pendingCursor.put(stream, "0-0"));
            Map<String, TableBuffer> buffers = new HashMap<>();
            long read = 0;
            int focus = 0; // under backlog one stream is read at a time (see readFocused)
            int emptyInARow = 0;
            while (!pool.failed() && deadline.remainingMillis() > settings.runMarginMillis()) {
                if (clock.millis() - lastDiscovery >= settings.rediscoverMillis()) {
                    for (String stream : discovery.streams(redis)) {
                        if (!streams.contains(stream)) {
                            group.ensureGroups(List.of(stream));
                            streams.add(stream);
                            LOG.info(() -> "new stream " + stream);
                        }
                    }
                    lastDiscovery = clock.millis();
                }
                Map<String, List<StreamEntry>> got;
                Map<String, Boolean> drained = new HashMap<>();
                boolean readingPending = !pendingCursor.isEmpty();
                boolean blocked = false;
                if (readingPending) {
                    got = group.readOwnPending(pendingCursor, settings.readCount());
                    for (String stream : new ArrayList<>(pendingCursor.keySet())) {
                        List<StreamEntry> entries = got.getOrDefault(stream, List.of());
                        if (entries.size() < settings.readCount()) {
                            pendingCursor.remove(stream);
                        } else {
                            pendingCursor.put(stream, entries.get(entries.size() - 1).id().toString());
                        }
                        drained.put(stream, false);
                    }
                } else if (!streams.isEmpty() && emptyInARow < streams.size()) {
                    String stream = streams.get(focus % streams.size());
                    TableBuffer buffer = buffers.computeIfAbsent(stream, TableBuffer::new);
                    int depth = readDepth(buffer);
                    got = group.readNew(List.of(stream), settings.readCount(), depth, 0);
                    int n = got.getOrDefault(stream, List.of()).size();
                    boolean streamDrained = n < settings.readCount() * depth;
                    drained.put(stream, streamDrained);
                    emptyInARow = n == 0 ? emptyInARow + 1 : 0;
                    if (streamDrained || buffer.size() + n >= settings.policy().maxEvents()) {
                        focus++; // its batch is full (or it has nothing more): the next stream's turn
                    }
                } else {
                    // Every stream answered empty in turn: one read over all of them waits for the next entry.
                    long block = Math.min(settings.blockMillis(), deadline.remainingMillis() - settings.runMarginMillis());
                    got = group.readNew(streams, settings.readCount(), 1, Math.max(1, block));
                    for (String stream : streams) {
                        drained.put(stream, got.getOrDefault(stream, List.of()).size() < settings.readCount());
                    }
                    emptyInARow = 0;
                    blocked = true;
                }
                if (!got.isEmpty()) {
                    hook.reached(Step.AFTER_READ);
                }
                for (Map.Entry<String, Boolean> d : drained.entrySet()) {
                    List<StreamEntry> entries = got.getOrDefault(d.getKey(), List.of());
                    TableBuffer buffer = buffers.computeIfAbsent(d.getKey(), TableBuffer::new);
                    entries.forEach(buffer::add);
                    read += entries.size();
                    buffer.drained(d.getValue());
                }
                long now = clock.millis();
                for (TableBuffer buffer : buffers.values()) {
                    for (List<StreamEntry> batch : buffer.takeSealable(settings.policy(), now)) {
                        pool.submit(buffer.stream(), batch);
                    }
                }
                closeLargestWhileOverBudget(buffers, pool);
                if ((blocked && got.isEmpty()) || (!readingPending && streams.isEmpty())) {
                    break; // caught up: whatever is still open waits for more entries or its idle/age time
                }
            }
            pool.drain();
            return new BatcherReport(List.copyOf(streams), read, pool.batches.get(), pool.leaves.get(), pool.acked.get(),
                    pool.deadLettered.get(), intents[0], intents[1], reclaimed, List.copyOf(pool.batchIds),
                    pool.sealPercentile(50), pool.sealPercentile(99), clock.millis() - started, settings.consumer());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatcherException("interrupted; unsealed entries stay pending for the next run", e);
        }
    }

    /**
     * XREADGROUP commands to pipeline for the stream in focus: enough to fill its open batch (up to the read
     * pipeline), so under backlog a batch fills from one stream in a round trip or two while the other tables'
     * batches wait unread in Redis, not in this heap. Reading every stream at once filled all tables' batches in
     * step: four tables meant four batches' worth of entries held before the first one closed.
     */
    private int readDepth(TableBuffer buffer) {
        int missing = Math.max(1, settings.policy().maxEvents() - buffer.size());
        return Math.max(1, Math.min(settings.readPipeline(), (missing + settings.readCount() - 1) / settings.readCount()));
    }

    /**
     * Many tables filling at once would hold a batch's worth of entries each: above the buffered byte budget
     * the largest buffer closes early, so memory stays bounded by the budget, not by the number of tables.
     */
    private void closeLargestWhileOverBudget(Map<String, TableBuffer> buffers, SealPool pool) throws InterruptedException {
        while (true) {
            long total = 0;
            TableBuffer largest = null;
            for (TableBuffer buffer : buffers.values()) {
                total += buffer.bytes();
                if (largest == null || buffer.bytes() > largest.bytes()) {
                    largest = buffer;
                }
            }
            if (largest == null || total <= settings.maxBufferedBytes() || largest.size() == 0) {
                return;
            }
            pool.submit(largest.stream(), largest.takeOldest(settings.policy()));
        }
    }

    /** Completes (or discards) the batches a crashed run was sealing. Returns {finished, discarded}. */
    private long[] finishIntents(RedisConnection redis, ConsumerGroup group, Sealer sealer) {
        long finished = 0;
        long discarded = 0;
        for (SealIntent intent : SealIntents.open(redis)) {
            String batchId = intent.batchId();
            if (!intent.inGroup(group.group(), settings.group())) {
                continue; // pending in another group (seal-pending's, in the ETRAP agent's group): acked there, by that command
            }
            if (!ours(group, intent)) {
                continue; // another batcher is still sealing it
            }
            if (sealer.finish(group, intent)) {
                finished++;
                LOG.info(() -> "finished batch " + batchId + " left open by an earlier run");
            } else {
                discarded++;
                LOG.info(() -> "discarded incomplete batch " + batchId + "; its entries will be sealed again");
            }
        }
        return new long[] {finished, discarded};
    }

    /**
     * Whether this run may finish or discard the intent: its own (or one written before intents had owners),
     * or one whose owner looks dead: its entries idle in that consumer's pending list for 90 % of the
     * visibility timeout. Taken over a little before the entries themselves are reclaimed (at 100 %), so an
     * entry of a batch complete in S3 is never claimed and sealed a second time while its intent waits.
     */
    private boolean ours(ConsumerGroup group, SealIntent intent) {
        if (intent.consumer() == null || intent.consumer().equals(group.consumer()) || intent.entryIds().isEmpty()) {
            return true;
        }
        return group.idleWith(intent.stream(), intent.entryIds().get(0), intent.consumer(), settings.visibilityMillis() * 9 / 10);
    }

    private long reclaim(ConsumerGroup group, List<String> streams) {
        long claimed = 0;
        for (String stream : streams) {
            List<EntryId> deleted = new ArrayList<>();
            claimed += group.reclaim(stream, settings.visibilityMillis(), deleted);
            if (!deleted.isEmpty()) {
                LOG.warning(() -> deleted.size() + " pending entries of " + stream + " were deleted from the stream before"
                        + " they could be sealed (trimmed?): " + deleted.subList(0, Math.min(10, deleted.size())));
            }
        }
        return claimed;
    }
}
