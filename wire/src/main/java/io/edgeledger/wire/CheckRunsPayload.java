package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/ingest/check-runs}: check run outcomes since the last flush. */
public record CheckRunsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("runs") List<CheckRun> runs) implements IngestPayload {
    public CheckRunsPayload {
        runs = List.copyOf(runs);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.CHECK_RUNS;
    }
}
