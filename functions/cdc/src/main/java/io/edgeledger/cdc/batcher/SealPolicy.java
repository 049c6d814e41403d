package io.edgeledger.cdc.batcher;

import java.time.Duration;

/**
 * When a table's batch closes: at {@code maxEvents} entries, or once its stream is drained and the
 * newest entry is {@code idle} old, or the oldest entry is {@code maxAge} old. Ages come from the entry
 * ids (Redis's arrival time), not from when this process read them, so a batch left open by one
 * short Lambda run closes on time in the next.
 */
public record SealPolicy(int maxEvents, Duration idle, Duration maxAge) {
    public static final SealPolicy DEFAULT = new SealPolicy(1000, Duration.ofSeconds(60), Duration.ofSeconds(300));

    public SealPolicy {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a batch needs room for at least one event");
        }
    }

    /** Whether a partial batch (fewer than maxEvents) should close now. */
    public boolean closesPartial(long firstEntryMillis, long lastEntryMillis, boolean drained, long nowMillis) {
        if (nowMillis - firstEntryMillis >= maxAge.toMillis()) {
            return true;
        }
        return drained && nowMillis - lastEntryMillis >= idle.toMillis();
    }
}
