package io.edgeledger.probe.agent.runner;

import io.edgeledger.probe.agent.check.Check;
import java.util.List;

/** One run of one check: when it started (epoch ms), how long it took, how it ended and why. */
public record RunReport(Check check, RunStatus status, long startedEpochMillis, long durationMillis, String error,
        List<String> warnings) {}
