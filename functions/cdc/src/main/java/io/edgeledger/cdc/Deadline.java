package io.edgeledger.cdc;

import java.time.Clock;

/** When a run must be over: the Lambda's remaining time (or a local budget) minus a safety margin. */
public record Deadline(Clock clock, long endEpochMillis) {

    public static Deadline after(Clock clock, long budgetMillis) {
        return new Deadline(clock, clock.millis() + Math.max(0, budgetMillis));
    }

    /**
     * The Lambda's remaining time. A runtime that reports none (0 or less: Quarkus's mock event server in
     * tests and dev mode sends no deadline) gets {@code fallbackMillis} instead.
     */
    public static Deadline lambda(Clock clock, long remainingMillis, long fallbackMillis) {
        return after(clock, remainingMillis > 0 ? remainingMillis : fallbackMillis);
    }

    public long remainingMillis() {
        return Math.max(0, endEpochMillis - clock.millis());
    }

    public boolean passed() {
        return remainingMillis() == 0;
    }
}
