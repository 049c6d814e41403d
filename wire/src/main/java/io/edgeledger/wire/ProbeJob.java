package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One job from {@code GET /v1/probes/{id}/jobs?wait=20}. {@code kind} is {@code traceroute}; {@code params} uses
 * the query parameter names of DESIGN.md 2.2 ({@code target}, {@code protocol}, {@code port}, {@code max-ttl},
 * {@code timeout}, ...). The result goes to {@code /v1/ingest/traceroute} with {@code job_id} = {@link #id()}.
 */
public record ProbeJob(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("params") JsonNode params) {
    public static final String KIND_TRACEROUTE = "traceroute";
}
