package io.edgeledger.probe.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.probe.json.ProbeJson;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The intake's documented size limits: batches over them are split, nothing lost, nothing repeated. */
class DatadogPayloadsTest {
    private static JsonNode body(DatadogRequest r) throws Exception {
        try (java.io.InputStream in = DatadogPayloads.ZSTD.equals(r.encoding())
                ? new io.airlift.compress.zstd.ZstdInputStream(new ByteArrayInputStream(r.body()))
                : new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            byte[] raw = in.readAllBytes();
            assertThat(raw.length).isLessThan(DatadogPayloads.MAX_DECOMPRESSED);
            return ProbeJson.mapper().readTree(raw);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void seriesOverTheCompressedAndDecompressedLimitsAreSplitIntoRequestsThatFit(boolean zstd) throws Exception {
        SplittableRandom r = new SplittableRandom(19);
        List<MetricSeries> series = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) { // random hex tags barely compress: both limits are exercised
            String tag = "id:" + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong())
                    + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
            series.add(new MetricSeries("split.m" + i, List.of(new MetricPoint(1_700_000_000L, i)), List.of(tag),
                    "h", i % 2 == 0 ? "gauge" : "rate", 10));
        }
        DatadogPayloads payloads = new DatadogPayloads(zstd);
        List<DatadogRequest> requests = payloads.series(series);
        assertThat(requests.size()).as("5 MB decompressed alone would give 2").isGreaterThanOrEqualTo(5);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (DatadogRequest req : requests) {
            assertThat(req.path()).isEqualTo(DatadogPayloads.SERIES_PATH);
            assertThat(req.encoding()).isEqualTo(zstd ? DatadogPayloads.ZSTD : DatadogPayloads.GZIP);
            assertThat(req.body().length).isLessThanOrEqualTo(DatadogPayloads.MAX_COMPRESSED);
            JsonNode json = body(req);
            assertThat(json.path("series").size()).isEqualTo(req.items());
            for (JsonNode s : json.path("series")) {
                assertThat(seen.add(s.path("metric").asText())).as("sent once").isTrue();
                total++;
            }
        }
        assertThat(total).isEqualTo(series.size());
        assertThat(payloads.oversized()).isZero();
    }

    @Test
    void eventsGoOneByOneCutToTheDocumentedMaxima() throws Exception {
        String longTitle = "t".repeat(150);
        List<DatadogRequest> requests = new DatadogPayloads(true).events(List.of(
                Event.of(longTitle, "x".repeat(5000), List.of("a:b")), Event.of("short", "", List.of())));
        assertThat(requests).hasSize(2);
        JsonNode first = body(requests.get(0));
        assertThat(first.path("title").asText()).hasSize(DatadogPayloads.MAX_EVENT_TITLE);
        assertThat(first.path("text").asText()).hasSize(DatadogPayloads.MAX_EVENT_TEXT);
        assertThat(first.path("tags").get(0).asText()).isEqualTo("a:b");
        assertThat(first.path("priority").asText()).isEqualTo("normal");
        assertThat(first.path("alert_type").asText()).isEqualTo("info");
    }
}
