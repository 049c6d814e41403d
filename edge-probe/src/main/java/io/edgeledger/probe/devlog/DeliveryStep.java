package io.edgeledger.probe.devlog;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The points a batch of events passes on its way to the sink, in this order; a crash between two of them leaves a
 * distinct state behind, and the crash test kills the agent with {@code kill -9} at each one.
 */
public enum DeliveryStep {
    /** The batch is written ahead ({@link PendingBatch}); the sink has not got it. */
    WRITTEN_AHEAD,
    /** The sink took the batch (the forwarder: fsynced in its spool, maybe already sent); the offsets do not include it. */
    HANDED_OVER,
    /** The offsets include the batch. */
    OFFSETS_SAVED;

    /** Told each step a batch passes, on the sink thread. */
    @FunctionalInterface
    public interface Hook {
        Hook NONE = (step, batchId) -> { };
        /** {@code -Dedgeledger.test.devlog-pause-at=STEP[:N]}: for crash tests of the whole agent process only. */
        String PAUSE_PROPERTY = "edgeledger.test.devlog-pause-at";

        void reached(DeliveryStep step, String batchId);

        /**
         * {@link #NONE} unless {@link #PAUSE_PROPERTY} is set: then the sink thread stops for good at the Nth batch
         * (default 1) reaching STEP and says so on stderr, so that a test can kill the process exactly there.
         */
        static Hook fromSystemProperty() {
            String spec = System.getProperty(PAUSE_PROPERTY, "");
            if (spec.isBlank()) {
                return NONE;
            }
            String[] parts = spec.split(":");
            DeliveryStep target = DeliveryStep.valueOf(parts[0]);
            int nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            AtomicInteger seen = new AtomicInteger();
            return (step, batchId) -> {
                if (step == target && seen.incrementAndGet() == nth) {
                    System.err.println("devlog: paused at " + step + " with batch " + batchId + " (" + PAUSE_PROPERTY + ")");
                    System.err.flush();
                    while (true) {
                        LockSupport.park(); // until the test kills the process
                    }
                }
            };
        }
    }
}
