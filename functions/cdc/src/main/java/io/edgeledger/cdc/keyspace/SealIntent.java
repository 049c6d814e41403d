package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.streams.EntryId;
import java.util.List;

/**
 * What a batcher was sealing, written to Redis before the first S3 put and removed once the batch is
 * queued. A rerun that finds one finishes exactly that batch (same entries, same id) or, if its objects
 * never became complete, discards it, so a crash can never split entries across two different batches.
 * {@code group} is the consumer group the entries are pending in and are acked in: the batcher's own, or the
 * ETRAP agent's for {@code cdc seal-pending}; only a run reading that group may finish the intent. Null for
 * intents written before groups were recorded (the batcher's group then). Stored by {@link SealIntents}.
 */
public record SealIntent(String batchId, String stream, String s3Prefix, List<EntryId> entryIds, List<Poison> poison, boolean acked,
        String group, String consumer) {

    /** The intent before it is given its group and consumer ({@link #ownedBy}). */
    public SealIntent(String batchId, String stream, String s3Prefix, List<EntryId> entryIds, List<Poison> poison, boolean acked) {
        this(batchId, stream, s3Prefix, entryIds, poison, acked, null, null);
    }

    /** Pending in {@code group}, held by its consumer {@code name} while it is being sealed. */
    public SealIntent ownedBy(String group, String name) {
        return new SealIntent(batchId, stream, s3Prefix, entryIds, poison, acked, group, name);
    }

    /** Whether a run reading {@code readingGroup} may finish it ({@code defaultGroup}: where group-less intents belong). */
    public boolean inGroup(String readingGroup, String defaultGroup) {
        return readingGroup.equals(group == null ? defaultGroup : group);
    }
}
