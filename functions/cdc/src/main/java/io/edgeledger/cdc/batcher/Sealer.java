package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.keyspace.DeadLetters;
import io.edgeledger.cdc.keyspace.MintQueue;
import io.edgeledger.cdc.keyspace.MintRef;
import io.edgeledger.cdc.keyspace.Poison;
import io.edgeledger.cdc.keyspace.SealIntent;
import io.edgeledger.cdc.keyspace.SealIntents;
import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.ConsumerGroup;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.ledger.batch.BatchBuilder;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.store.LedgerStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals one batch in the order of durability: intent in Redis, objects in S3 written with checksums the server verifies
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
        Prepared prepared = prepare(group, stream, entries);
        if (prepared.intent() == null) {
            // Tombstones and poison only: nothing to attest, so no S3 batch; dead letters and ack at once.
            redis.transaction(t -> deadLettersAndAck(t, group, stream, prepared.ids(), prepared.poison(), prepared.poisonEntries()));
            return new Outcome(null, entries.size(), 0, prepared.poison().size());
        }
        SealIntent intent = prepared.intent();
        redis.transaction(t -> SealIntents.recordPrepared(t, intent));
        store.writeBatch(prepared.batch());
        hook.reached(Step.BEFORE_ACK);
        acknowledge(group, intent, prepared.poisonEntries());
        hook.reached(Step.AFTER_ACK_BEFORE_QUEUE);
        queue(redis, intent);
        return new Outcome(intent.batchId(), entries.size(), prepared.leaves(), intent.poison().size());
    }

    /**
     * A classified and sealed batch, reduced to what the S3 write and the acknowledgement need; batch and
     * intent are null when the entries yield no leaf.
     */
    private record Prepared(SealedBatch batch, SealIntent intent, List<EntryId> ids, List<Poison> poison,
            Map<EntryId, StreamEntry> poisonEntries, int leaves) {}

    /**
     * Classifies and seals entry by entry into the batch's bytes (BatchBuilder): no entry's text, leaf or JSON tree
     * outlives its turn, so a batch being sealed holds its entries, its objects' bytes and little else.
     */
    private Prepared prepare(ConsumerGroup group, String stream, List<StreamEntry> entries) {
        long textBytes = 0;
        for (StreamEntry entry : entries) {
            textBytes += entry.sizeBytes();
        }
        BatchBuilder builder = batches.builder(stream, (int) Math.min(Integer.MAX_VALUE, textBytes));
        Classified classified = Classified.of(stream, entries, nullPlaceholder, builder);
        Map<EntryId, StreamEntry> poisonEntries = new HashMap<>();
        if (!classified.poison().isEmpty()) {
            Map<EntryId, StreamEntry> byId = new HashMap<>();
            entries.forEach(entry -> byId.put(entry.id(), entry));
            classified.poison().forEach(p -> poisonEntries.put(p.id(), byId.get(p.id())));
        }
        if (classified.leaves() == 0) {
            return new Prepared(null, null, classified.ids(), classified.poison(), poisonEntries, 0);
        }
        SealedBatch sealed = builder.seal();
        Manifest manifest = sealed.manifest();
        SealIntent intent = new SealIntent(manifest.batchId(), stream, manifest.s3Prefix(), classified.ids(), classified.poison(), false)
                .ownedBy(group.group(), group.consumer());
        return new Prepared(sealed, intent, classified.ids(), classified.poison(), poisonEntries, classified.leaves());
    }

    /**
     * Finishes a batch a crashed run left behind. Complete in S3 (its manifest is there): ack it if that
     * did not happen yet, and queue it. Not complete: forget it; its entries are still pending and are
     * sealed again (objects without a manifest are not a batch and are overwritten or ignored).
     */
    boolean finish(ConsumerGroup group, SealIntent intent) {
        RedisConnection redis = group.connection();
        if (!intent.acked() && store.manifest(intent.s3Prefix()).isEmpty()) {
            redis.transaction(t -> SealIntents.forget(t, intent.batchId()));
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
        group.connection().transaction(t -> {
            deadLettersAndAck(t, group, intent.stream(), intent.entryIds(), intent.poison(), originals);
            SealIntents.markAcked(t, intent.batchId());
        });
    }

    private void queue(RedisConnection redis, SealIntent intent) {
        MintRef ref = new MintRef(intent.batchId(), store.bucket(), intent.s3Prefix());
        long now = clock.millis();
        redis.transaction(t -> {
            MintQueue.enqueue(t, ref, now);
            SealIntents.forget(t, intent.batchId());
        });
    }

    private static void deadLettersAndAck(redis.clients.jedis.Transaction transaction, ConsumerGroup group, String stream,
            List<EntryId> ids, List<Poison> poison, Map<EntryId, StreamEntry> originals) {
        for (Poison p : poison) {
            DeadLetters.add(transaction, stream, p, originals.get(p.id()));
        }
        group.ack(transaction, stream, ids);
    }
}
