package io.edgeledger.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits on a condition instead of sleeping a fixed time: fast on a quiet machine, still green on a loaded 2-core
 * one. The deadline is generous on purpose; it only bounds a test that is really broken.
 */
public final class Eventually {
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {}

    /** Returns once {@code condition} holds; fails with {@code what} if it still does not after the deadline. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
