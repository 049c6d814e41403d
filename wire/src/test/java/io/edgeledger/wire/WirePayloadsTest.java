package io.edgeledger.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WirePayloadsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void metricsPayloadUsesDatadogSeriesShape() throws Exception {
        MetricsPayload payload = new MetricsPayload("b-1", "p-1", List.of(new MetricSeries(
                "system.load.1", List.of(new MetricPoint(1700000000L, 0.5)), List.of("env:dev"), "h1", "gauge", 15)));
        JsonNode tree = json.readTree(json.writeValueAsString(payload));
        assertThat(tree.get("batch_id").asText()).isEqualTo("b-1");
        assertThat(tree.get("probe_id").asText()).isEqualTo("p-1");
        assertThat(tree.has("kind")).isFalse();
        JsonNode series = tree.get("series").get(0);
        assertThat(series.get("metric").asText()).isEqualTo("system.load.1");
        assertThat(series.get("points").toString()).isEqualTo("[[1700000000,0.5]]");
        assertThat(series.get("interval").asLong()).isEqualTo(15);
        assertThat(json.readValue(json.writeValueAsBytes(payload), MetricsPayload.class)).isEqualTo(payload);
    }

    @Test
    void kindsMapToIngestPaths() {
        assertThat(IngestKind.CHECK_RUNS.path()).isEqualTo("/v1/ingest/check-runs");
        assertThat(IngestKind.fromWireName("events")).isEqualTo(IngestKind.EVENTS);
        assertThat(new CheckRunsPayload("b", "p", List.of()).kind()).isEqualTo(IngestKind.CHECK_RUNS);
    }
}
