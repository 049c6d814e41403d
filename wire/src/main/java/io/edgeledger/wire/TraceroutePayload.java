package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/ingest/traceroute}: one traceroute result (the JSON of DESIGN.md 2.1, untouched) from either a
 * scheduled {@code network_path} check ({@code job_id} absent) or a backend job ({@code job_id} set).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceroutePayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("timestamp") long timestamp,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("result") JsonNode result,
        @JsonProperty("error") String error) implements IngestPayload {
    public TraceroutePayload {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.TRACEROUTE;
    }
}
