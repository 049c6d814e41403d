package io.edgeledger.api.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/jobs}: {@code {"probe_id", "kind": "traceroute", "params": {"target": ..., ...}}}. */
public record JobRequest(
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("kind") String kind,
        @JsonProperty("params") JsonNode params) {}
