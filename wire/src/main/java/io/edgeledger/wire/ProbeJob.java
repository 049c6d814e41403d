package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One job from {@code GET /v1/probes/{id}/jobs?wait=20}. {@code kind} is {@code traceroute}; {@code params} is the
 * test to run, in the query names of DESIGN.md 2.2. The result goes to {@code /v1/ingest/traceroute} with
 * {@code job_id} = {@link #id()}.
 */
public record ProbeJob(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("params") TracerouteSpec params) {
    public static final String KIND_TRACEROUTE = "traceroute";
}
