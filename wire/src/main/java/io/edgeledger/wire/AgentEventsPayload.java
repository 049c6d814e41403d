package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/ingest/agent-events}: the probe's Datadog-style events since the last flush. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentEventsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("events") List<AgentEvent> events) implements IngestPayload {
    public AgentEventsPayload {
        Fields.batch(batchId, probeId);
        events = Fields.items("events", events);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.AGENT_EVENTS;
    }

    @JsonIgnore
    @Override
    public int items() {
        return events.size();
    }
}
