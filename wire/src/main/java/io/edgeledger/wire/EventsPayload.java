package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /v1/ingest/events}: normalized devlog events (DESIGN.md 2.4), each carrying its own stable {@code id}
 * so the server can also de-duplicate per event. Each {@link SessionEvent} checks itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("events") List<SessionEvent> events) implements IngestPayload {
    public EventsPayload {
        Fields.batch(batchId, probeId);
        events = Fields.items("events", events);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.EVENTS;
    }

    @JsonIgnore
    @Override
    public int items() {
        return events.size();
    }
}
