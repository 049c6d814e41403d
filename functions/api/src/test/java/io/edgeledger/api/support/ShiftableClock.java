package io.edgeledger.api.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The API's clock in tests: the wall clock plus an offset a test can move, so "400 s later" is checked without
 * waiting 400 s, and "one second" lasts as long as a slow machine needs. The offset is zero unless a test shifts it, and a test that shifts it puts it back in a finally.
 */
public final class ShiftableClock extends Clock {
    private static final ShiftableClock INSTANCE = new ShiftableClock();
    private static volatile Duration offset = Duration.ZERO;
    private static volatile Instant frozenAt;

    /** Replaces the production {@code ClockProducer} in every {@code @QuarkusTest} of this module. */
    @Singleton
    static final class Producer {
        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }

    public static void shift(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock where it is (shifts still move it), so a test's requests all fall into one second. */
    public static void freeze() {
        frozenAt = Instant.now();
    }

    public static void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    /** What the API's clock reads now. */
    public static Instant apiNow() {
        return INSTANCE.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the API reads UTC only");
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen == null ? Instant.now() : frozen).plus(offset);
    }
}
