package io.edgeledger.probe.agent.runtime;

import io.edgeledger.probe.agent.runner.RunReport;
import io.edgeledger.probe.agent.runner.RunStatus;
import java.util.EnumMap;
import java.util.Map;

/** What {@code status} shows per check instance: the last run and totals per outcome. */
final class CheckStats {
    private RunReport last;
    private RunReport lastError;
    private final Map<RunStatus, Long> totals = new EnumMap<>(RunStatus.class);

    synchronized void record(RunReport r) {
        if (r.status() != RunStatus.SKIPPED) {
            last = r;
        }
        if (r.status() == RunStatus.ERROR || r.status() == RunStatus.TIMEOUT) {
            lastError = r;
        }
        totals.merge(r.status(), 1L, Long::sum);
    }

    synchronized RunReport last() {
        return last;
    }

    synchronized RunReport lastError() {
        return lastError;
    }

    synchronized Map<RunStatus, Long> totals() {
        return new EnumMap<>(totals.isEmpty() ? Map.of(RunStatus.OK, 0L) : totals);
    }
}
