package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/ingest/events}: normalized devlog events (DESIGN.md 2.4), each carrying its own stable {@code id}
 * so the server can also de-duplicate per event.
 */
public record EventsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("events") List<JsonNode> events) implements IngestPayload {
    public EventsPayload {
        events = List.copyOf(events);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.EVENTS;
    }
}
