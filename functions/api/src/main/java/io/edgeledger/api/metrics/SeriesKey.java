package io.edgeledger.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.wire.CallbackSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A series context as the agent aggregator defines it: metric name + host + sorted tags, hashed to a short id. */
public record SeriesKey(String metric, String host, List<String> tags) {
    public static SeriesKey of(JsonNode series) {
        List<String> tags = new ArrayList<>();
        series.path("tags").forEach(t -> tags.add(t.asText()));
        tags.sort(null);
        JsonNode host = series.get("host");
        return new SeriesKey(series.path("metric").asText(), host == null || host.isNull() ? null : host.asText(), List.copyOf(tags));
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
