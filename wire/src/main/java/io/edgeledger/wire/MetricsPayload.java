package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/ingest/metrics}: one aggregator flush (checks and DogStatsD). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("series") List<MetricSeries> series) implements IngestPayload {
    public MetricsPayload {
        Fields.batch(batchId, probeId);
        series = Fields.items("series", series);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.METRICS;
    }

    @JsonIgnore
    @Override
    public int items() {
        return series.size();
    }
}
