package io.edgeledger.cdc.minter;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with full jitter on the upper half: base·2^(attempt-1), capped. */
public record MintBackoff(long baseMillis, long capMillis) {

    public long delayMillis(long attempt) {
        long exponent = Math.min(30, Math.max(0, attempt - 1));
        long ceiling = Math.min(capMillis, baseMillis << exponent);
        long half = ceiling / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }
}
