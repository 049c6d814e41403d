package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/ingest/check-runs}: check run outcomes since the last flush. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckRunsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("runs") List<CheckRun> runs) implements IngestPayload {
    public CheckRunsPayload {
        Fields.batch(batchId, probeId);
        runs = Fields.items("runs", runs);
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.CHECK_RUNS;
    }

    @JsonIgnore
    @Override
    public int items() {
        return runs.size();
    }
}
