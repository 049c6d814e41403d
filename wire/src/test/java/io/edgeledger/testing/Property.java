package io.edgeledger.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Seeded property runs without a framework: each trial gets its own reproducible random source, and a
 * failure names the seed so the case can be replayed with -Dedgeledger.seed=SEED.
 */
public final class Property {
    private Property() {}

    public static void forAll(int trials, Consumer<SplittableRandom> property) {
        String fixed = System.getProperty("edgeledger.seed");
        long base = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
        int runs = fixed != null ? 1 : trials;
        for (int i = 0; i < runs; i++) {
            long seed = base + i;
            try {
                property.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed at trial " + i + "; replay with -Dedgeledger.seed=" + seed
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
