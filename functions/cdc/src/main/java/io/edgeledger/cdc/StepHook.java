package io.edgeledger.cdc;

/** Called as a run passes each {@link Step}; production uses {@link #NONE}, tests inject crashes. */
@FunctionalInterface
public interface StepHook {
    StepHook NONE = step -> {};

    void reached(Step step);
}
