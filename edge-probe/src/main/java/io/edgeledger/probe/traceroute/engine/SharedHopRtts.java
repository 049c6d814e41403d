package io.edgeledger.probe.traceroute.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/** Lowest RTT seen per TTL across the concurrent runs of one trace: the HERE part of the adaptive wait. */
final class SharedHopRtts {
    private final AtomicLongArray best;

    SharedHopRtts(int maxTtl) {
        best = new AtomicLongArray(maxTtl + 1);
        for (int i = 0; i <= maxTtl; i++) {
            best.set(i, -1);
        }
    }

    void offer(int ttl, long rttNanos) {
        if (ttl < 1 || ttl >= best.length()) {
            return;
        }
        best.accumulateAndGet(ttl, rttNanos, (cur, n) -> cur < 0 ? n : Math.min(cur, n));
    }

    long get(int ttl) {
        return ttl < 1 || ttl >= best.length() ? -1 : best.get(ttl);
    }
}
