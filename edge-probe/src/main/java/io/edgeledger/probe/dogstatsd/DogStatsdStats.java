package io.edgeledger.probe.dogstatsd;

/** Counters shown by {@code edge-probe status} and exported on {@code /metrics}. */
public record DogStatsdStats(long packets, long metrics, long malformed, long events, long serviceChecks, long typeConflicts,
        long contexts) {}
