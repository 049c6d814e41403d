package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.streams.EntryId;
import java.util.List;

/**
 * What a batcher was sealing, written to Redis before the first S3 put and removed once the batch is
 * queued. A rerun that finds one finishes exactly that batch (same entries, same id) or, if its objects
 * never became complete, discards it, so a crash can never split entries across two different batches.
 * Stored by {@link SealIntents}.
 */
public record SealIntent(String batchId, String stream, String s3Prefix, List<EntryId> entryIds, List<Poison> poison, boolean acked,
        String consumer) {

    /** The intent as one consumer writes it ({@code consumer} owns its entries while they are pending). */
    public SealIntent(String batchId, String stream, String s3Prefix, List<EntryId> entryIds, List<Poison> poison, boolean acked) {
        this(batchId, stream, s3Prefix, entryIds, poison, acked, null);
    }

    public SealIntent ownedBy(String name) {
        return new SealIntent(batchId, stream, s3Prefix, entryIds, poison, acked, name);
    }
}
