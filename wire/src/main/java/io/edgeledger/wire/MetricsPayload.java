package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/ingest/metrics}: one aggregator flush (checks and DogStatsD). */
public record MetricsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("series") List<MetricSeries> series) implements IngestPayload {
    public MetricsPayload {
        series = List.copyOf(series);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.METRICS;
    }
}
