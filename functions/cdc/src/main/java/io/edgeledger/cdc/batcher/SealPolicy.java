package io.edgeledger.cdc.batcher;

import java.time.Duration;

/**
 * When a table's batch closes: at {@code maxEvents} entries or {@code maxBytes} of entry fields (whichever
 * comes first: under backlog batches fill to the cap, so S3 requests and NEAR mints per event fall with
 * load), or once its stream is drained and the
 * newest entry is {@code idle} old, or (drained too) the oldest entry is {@code maxAge} old. Ages come from the entry
 * ids (Redis's arrival time), not from when this process read them, so a batch left open by one
 * short Lambda run closes on time in the next.
 */
public record SealPolicy(int maxEvents, long maxBytes, Duration idle, Duration maxAge) {
    public static final int DEFAULT_MAX_EVENTS = 10_000;
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    public static final SealPolicy DEFAULT = new SealPolicy(DEFAULT_MAX_EVENTS, DEFAULT_MAX_BYTES, Duration.ofSeconds(60),
            Duration.ofSeconds(300));

    public SealPolicy {
        if (maxEvents < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a batch needs room for at least one event");
        }
    }

    /** Whether a batch of {@code events} entries holding {@code bytes} is full. */
    public boolean full(int events, long bytes) {
        return events >= maxEvents || bytes >= maxBytes;
    }

    /**
     * Whether a partial batch (below both caps) should close now: only once its stream is drained (a read
     * returned less than asked). Under backlog it fills to a cap first, also when its entries are old (a
     * backlog after an outage is exactly when large batches matter); a steady trickle is drained on every read.
     */
    public boolean closesPartial(long firstEntryMillis, long lastEntryMillis, boolean drained, long nowMillis) {
        if (!drained) {
            return false;
        }
        return nowMillis - firstEntryMillis >= maxAge.toMillis() || nowMillis - lastEntryMillis >= idle.toMillis();
    }
}
