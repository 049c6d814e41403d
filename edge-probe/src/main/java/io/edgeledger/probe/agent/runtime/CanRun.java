package io.edgeledger.probe.agent.runtime;

import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.probe.agent.runner.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check run reports a service check {@code edge_probe.<check>.can_run}, as Datadog checks report
 * {@code datadog.agent.check_status}/{@code <check>.can_connect}: OK, WARNING with warnings, CRITICAL when the run
 * failed or timed out.
 */
final class CanRun {
    private CanRun() {}

    /** The service check of one run, or null for a skipped run (nothing was tried). */
    static ServiceCheck of(RunReport r, String hostname) {
        int status = switch (r.status()) {
            case OK -> ServiceCheck.OK;
            case WARNING -> ServiceCheck.WARNING;
            case ERROR, TIMEOUT -> ServiceCheck.CRITICAL;
            case SKIPPED -> -1;
        };
        if (status < 0) {
            return null;
        }
        List<String> tags = new ArrayList<>(r.check().tags());
        tags.add("check_id:" + r.check().id());
        return new ServiceCheck("edge_probe." + r.check().name() + ".can_run", status, r.startedEpochMillis() / 1000,
                hostname, tags, r.error() == null ? "" : r.error());
    }
}
