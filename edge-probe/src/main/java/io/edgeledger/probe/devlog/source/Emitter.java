package io.edgeledger.probe.devlog.source;

import io.edgeledger.probe.devlog.event.DevlogEvent;

/** Where a parser puts what it finds: events, and warnings about input it had to skip. */
public interface Emitter {
    void emit(DevlogEvent event);

    void warn(String message);
}
