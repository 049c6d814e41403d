package io.edgeledger.ledger.batch;

import java.time.Clock;
import java.util.List;

/**
 * Seals stream entries of one table into a leaf-v2 / rfc6962 batch: leaves in stream order (tombstones
 * and poison entries are listed in batch-data.json but add no leaf), the tree, the three indices and
 * the manifest. Deterministic apart from {@code sealed_at}: the same entries give the same objects.
 * {@link #builder} seals as the entries come (what the CDC batcher does, so a batch's entries never have to be
 * held all at once); {@link #seal} takes them as a list and keeps the leaves in the result.
 */
public final class BatchSealer {
    public static final String SCHEME = "rfc6962";
    /** Where a batch without any leaf (only tombstones / poison) is filed: {@code _streams/<stream>/}. */
    public static final String NO_LEAF_DATABASE = "_streams";

    private final String bucket;
    private final String network;
    private final String contract;
    private final Clock clock;

    /** {@code network}/{@code contract} go into the pending mint record (null when not known yet). */
    public BatchSealer(String bucket, String network, String contract, Clock clock) {
        this.bucket = bucket;
        this.network = network;
        this.contract = contract;
        this.clock = clock;
    }

    /**
     * A builder for the next batch of {@code stream}; its sealed batch has no leaves ({@link SealedBatch#leaves()} empty).
     * {@code expectedBytes} sizes its first buffer (e.g. the entries' text size).
     */
    public BatchBuilder builder(String stream, int expectedBytes) {
        return new BatchBuilder(stream, bucket, network, contract, clock, false, expectedBytes);
    }

    public SealedBatch seal(String stream, List<BatchEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one stream entry");
        }
        BatchBuilder builder = new BatchBuilder(stream, bucket, network, contract, clock, true, entries.size() * 512);
        for (BatchEntry e : entries) {
            builder.add(e.entryId(), e.outcome());
        }
        return builder.seal();
    }
}
