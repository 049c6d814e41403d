package io.edgeledger.api.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.edgeledger.wire.TracerouteSpec;

/**
 * {@code POST /v1/jobs}: {@code {"probe_id", "kind": "traceroute", "params": {"target": ..., ...}}}. {@code params}
 * binds to the wire's {@link TracerouteSpec}, so a bad parameter is refused with its name when the job is posted,
 * under the same limits the probe applies.
 */
public record JobRequest(
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("kind") String kind,
        @JsonProperty("params") TracerouteSpec params) {}
