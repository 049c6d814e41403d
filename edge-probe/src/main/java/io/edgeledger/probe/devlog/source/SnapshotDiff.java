package io.edgeledger.probe.devlog.source;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** For sources whose events are derived from a replayed state: emits only events that are new or changed since the last flush. */
public final class SnapshotDiff {
    private final Map<String, DevlogEvent> emitted = new HashMap<>();

    public void emitChanged(List<DevlogEvent> current, Emitter out) {
        for (DevlogEvent e : current) {
            if (!e.sameContent(emitted.get(e.id()))) {
                emitted.put(e.id(), e);
                out.emit(e);
            }
        }
    }
}
