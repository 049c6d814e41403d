package io.edgeledger.api.probes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/probes}: every field optional; the name defaults to the probe id. */
public record EnrollRequest(
        @JsonProperty("name") String name,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("tags") List<String> tags) {}
