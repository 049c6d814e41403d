package io.edgeledger.cdc;

/**
 * Simulates the process dying at one {@link Step}: from the first time that step is reached, every step
 * throws {@link SimulatedCrash} (an Error, which no production code catches), so nothing after it runs.
 */
final class CrashAt implements StepHook {
    static final class SimulatedCrash extends Error {
        SimulatedCrash(Step step) {
            super("simulated crash at " + step);
        }
    }

    private final Step target;
    private volatile boolean crashed;

    CrashAt(Step target) {
        this.target = target;
    }

    boolean crashed() {
        return crashed;
    }

    @Override
    public void reached(Step step) {
        if (step == target) {
            crashed = true;
        }
        if (crashed) {
            throw new SimulatedCrash(target);
        }
    }
}
