package io.edgeledger.probe.forwarder;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th consecutive failure waits a random time in [d/2, d] where
 * d = min(cap, base * 2^(n-1)); defaults 2 s base and 64 s cap (DESIGN.md 2.5). The jitter keeps a fleet of probes
 * from hammering a recovering backend in lockstep; the floor of d/2 keeps the wait growing.
 */
public record Backoff(Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(64));

    /** The ceiling d for the n-th failure (n ≥ 1). */
    public Duration ceiling(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        long ms = base.toMillis() << shift;
        return Duration.ofMillis(ms < 0 ? cap.toMillis() : Math.min(cap.toMillis(), ms));
    }

    public Duration delay(int failures, RandomGenerator random) {
        long d = ceiling(failures).toMillis();
        long half = d / 2;
        return Duration.ofMillis(half + (d - half == 0 ? 0 : random.nextLong(d - half + 1)));
    }
}
