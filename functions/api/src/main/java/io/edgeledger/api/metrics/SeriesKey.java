package io.edgeledger.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.wire.CallbackSignature;
import io.edgeledger.wire.MetricSeries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A series context as the agent aggregator defines it: metric name + host + sorted tags, hashed to a short id. */
public record SeriesKey(String metric, String host, List<String> tags) {
    /** A stored context or an archived series, read back for a query. */
    public static SeriesKey of(JsonNode series) {
        List<String> tags = new ArrayList<>();
        series.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode host = series.get("host");
        return sorted(series.path("metric").asText(), host == null || host.isNull() ? null : host.asText(), tags);
    }

    /** A series being ingested. */
    public static SeriesKey of(MetricSeries series) {
        return sorted(series.metric(), series.host(), new ArrayList<>(series.tags()));
    }

    private static SeriesKey sorted(String metric, String host, List<String> tags) {
        tags.sort(null);
        return new SeriesKey(metric, host, List.copyOf(tags));
    }

    public String id() {
        String context = metric + "\u0000" + (host == null ? "" : host) + "\u0000" + String.join(",", tags);
        return CallbackSignature.sha256Hex(context.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /** Whether every {@code wanted} tag is on this series. */
    public boolean hasTags(List<String> wanted) {
        return tags.containsAll(wanted);
    }
}
