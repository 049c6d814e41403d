package io.edgeledger.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.wire.TracerouteSpec;

/**
 * A job and its lifecycle: {@code queued} (posted), {@code delivered} (handed to the probe by the long-poll),
 * {@code done} (result ingested) or {@code failed} (the probe reported an error).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Job(
        @JsonProperty("id") String id,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("kind") String kind,
        @JsonProperty("params") TracerouteSpec params,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("delivered_at") String deliveredAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("result") JsonNode result,
        @JsonProperty("error") String error) {
    public static final String QUEUED = "queued";
    public static final String DELIVERED = "delivered";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    Job delivered(String at) {
        return new Job(id, probeId, kind, params, DELIVERED, createdAt, at, completedAt, result, error);
    }

    Job completed(String at, JsonNode result, String error) {
        return new Job(id, probeId, kind, params, error == null ? DONE : FAILED, createdAt, deliveredAt, at, result, error);
    }
}
