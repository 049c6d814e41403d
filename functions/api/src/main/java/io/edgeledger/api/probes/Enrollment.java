package io.edgeledger.api.probes;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one answer that carries a probe's secret: shown at enrollment, never again. */
public record Enrollment(
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("secret") String secret,
        @JsonProperty("probe") Probe probe) {}
