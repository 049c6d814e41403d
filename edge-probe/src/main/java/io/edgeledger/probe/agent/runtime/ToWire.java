package io.edgeledger.probe.agent.runtime;

import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.wire.AgentEvent;
import io.edgeledger.wire.CheckRun;
import java.util.ArrayList;
import java.util.List;

/** Service checks and events as EdgeLedger's API takes them. */
final class ToWire {
    private ToWire() {}

    /** A service check is stored as a check run named after it; another host than ours becomes a tag. */
    static CheckRun checkRun(ServiceCheck sc, String hostname) {
        List<String> tags = new ArrayList<>(sc.tags());
        if (!sc.host().equals(hostname)) {
            tags.add("host:" + sc.host());
        }
        return new CheckRun(sc.name(), null, sc.statusName(), sc.timestamp(), 0,
                sc.message().isEmpty() ? null : sc.message(), List.of(), tags);
    }

    static AgentEvent event(Event e) {
        return new AgentEvent(e.title(), e.text(), e.timestamp(), e.host(), e.priority(), e.alertType(),
                e.aggregationKey().isEmpty() ? null : e.aggregationKey(),
                e.sourceType().isEmpty() ? null : e.sourceType(), e.tags());
    }
}
