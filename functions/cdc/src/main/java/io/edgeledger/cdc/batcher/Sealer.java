package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.minter.MintQueue;
import io.edgeledger.cdc.minter.MintRef;
import io.edgeledger.cdc.streams.ConsumerGroup;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.RedisConnection;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.store.LedgerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals one batch in the order of durability: intent in Redis, objects in S3 written and read back
 * (manifest last, by the ledger store), then dead letters + XACK in one MULTI/EXEC, then the batch is
 * queued for minting and the intent removed. A crash between any two steps is repaired by {@link #finish}.
 */
final class Sealer {
    private final BatchSealer batches;
    private final LedgerStore store;
    private final StepHook hook;
    private final Clock clock;
    private final String nullPlaceholder;

    Sealer(BatchSealer batches, LedgerStore store, StepHook hook, Clock clock, String nullPlaceholder) {
        this.batches = batches;
        this.store = new SteppedStore(store, hook);
        this.hook = hook;
        this.clock = clock;
        this.nullPlaceholder = nullPlaceholder;
    }

    /** What one seal did, for the run report. */
    record Outcome(String batchId, int entries, int leaves, int poison) {}

    /** Seals these entries (one stream, id order). */
    Outcome seal(ConsumerGroup group, String stream, List<StreamEntry> entries) {
        RedisConnection redis = group.connection();
        Classified classified = Classified.of(stream, entries, nullPlaceholder);
        Map<EntryId, StreamEntry> byId = new HashMap<>();
        for (StreamEntry entry : entries) {
            byId.put(entry.id(), entry);
        }
        if (classified.leaves() == 0) {
            // Tombstones and poison only: nothing to attest, so no S3 batch; dead letters and ack at once.
            redis.transaction(deadLettersAndAck(group, stream, classified.ids(), classified.poison(), byId));
            return new Outcome(null, entries.size(), 0, classified.poison().size());
        }
        SealedBatch sealed = batches.seal(stream, classified.entries());
        Manifest manifest = sealed.manifest();
        SealIntent intent = new SealIntent(manifest.batchId(), stream, manifest.s3Prefix(), classified.ids(), classified.poison(), false);
        redis.transaction(List.of(intent.hsetCommand(), new Object[] {"SADD", SealIntent.INDEX_KEY, intent.batchId()}));
        store.writeBatch(sealed);
        hook.reached(Step.BEFORE_ACK);
        acknowledge(group, intent, byId);
        hook.reached(Step.AFTER_ACK_BEFORE_QUEUE);
        queue(redis, intent);
        return new Outcome(intent.batchId(), entries.size(), classified.leaves(), classified.poison().size());
    }

    /**
     * Finishes a batch a crashed run left behind. Complete in S3 (its manifest is there): ack it if that
     * did not happen yet, and queue it. Not complete: forget it; its entries are still pending and are
     * sealed again (objects without a manifest are not a batch and are overwritten or ignored).
     */
    boolean finish(ConsumerGroup group, SealIntent intent) {
        RedisConnection redis = group.connection();
        if (!intent.acked() && store.manifest(intent.s3Prefix()).isEmpty()) {
            redis.transaction(List.of(new Object[] {"DEL", SealIntent.key(intent.batchId())},
                    new Object[] {"SREM", SealIntent.INDEX_KEY, intent.batchId()}));
            return false;
        }
        if (!intent.acked()) {
            Map<EntryId, StreamEntry> poisonEntries = new HashMap<>();
            for (Poison poison : intent.poison()) {
                for (StreamEntry entry : group.range(intent.stream(), poison.id(), poison.id())) {
                    poisonEntries.put(entry.id(), entry);
                }
            }
            acknowledge(group, intent, poisonEntries);
        }
        queue(redis, intent);
        return true;
    }

    private void acknowledge(ConsumerGroup group, SealIntent intent, Map<EntryId, StreamEntry> originals) {
        List<Object[]> commands = deadLettersAndAck(group, intent.stream(), intent.entryIds(), intent.poison(), originals);
        commands.add(new Object[] {"HSET", SealIntent.key(intent.batchId()), "state", "acked"});
        group.connection().transaction(commands);
    }

    private void queue(RedisConnection redis, SealIntent intent) {
        MintRef ref = new MintRef(intent.batchId(), store.bucket(), intent.s3Prefix());
        redis.transaction(List.of(MintQueue.enqueueCommand(ref, clock.millis()),
                new Object[] {"DEL", SealIntent.key(intent.batchId())},
                new Object[] {"SREM", SealIntent.INDEX_KEY, intent.batchId()}));
    }

    private static List<Object[]> deadLettersAndAck(ConsumerGroup group, String stream, List<EntryId> ids, List<Poison> poison,
            Map<EntryId, StreamEntry> originals) {
        List<Object[]> commands = new ArrayList<>(poison.size() + 2);
        for (Poison p : poison) {
            commands.add(DeadLetters.xadd(stream, p, originals.get(p.id())));
        }
        commands.add(group.ackCommand(stream, ids));
        return commands;
    }
}
