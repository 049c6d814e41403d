package io.edgeledger.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.archive.ArchiveReader;
import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.archive.IngestedDays;
import io.edgeledger.api.params.TimeParam;
import io.edgeledger.api.probes.Probe;
import io.edgeledger.api.probes.ProbeRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v1/metrics?name=&tags=&from=&to=}: the series of one metric whose tags include all of {@code tags}
 * (comma separated, {@code env:prod,region:eu}), points in {@code [from, to]} (default: the last hour).
 */
@Path("/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class MetricsResource {
    private final MetricStore store;
    private final ArchiveReader archive;
    private final ProbeRegistry probes;
    private final Clock clock;
    private final ApiConfig config;

    public MetricsResource(MetricStore store, ArchiveReader archive, ProbeRegistry probes, Clock clock, ApiConfig config) {
        this.store = store;
        this.archive = archive;
        this.probes = probes;
        this.clock = clock;
        this.config = config;
    }

    /**
     * {@code GET /v1/metrics/series?host=&tags=&prefix=}: the series known in the recent window (name, host, tags,
     * type; no points), sorted by name, so a client can offer what there is to chart.
     */
    @GET
    @Path("/series")
    @SuppressWarnings("unchecked")
    public Map<String, Object> series(@QueryParam("host") String host, @QueryParam("tags") String tagsParam,
            @QueryParam("prefix") String prefix) {
        List<String> tags = tagList(tagsParam);
        List<Map<String, Object>> result = new ArrayList<>();
        for (String value : store.contexts().values()) {
            JsonNode context = store.readContext(value);
            SeriesKey key = SeriesKey.of(context);
            if ((host != null && !host.isBlank() && !host.equals(key.host())) || !key.hasTags(tags)
                    || (prefix != null && !key.metric().startsWith(prefix))) {
                continue;
            }
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("metric", key.metric());
            series.put("host", key.host());
            series.put("tags", key.tags());
            series.put("type", context.path("type").asText());
            result.add(series);
        }
        result.sort(Comparator.comparing((Map<String, Object> s) -> (String) s.get("metric"))
                .thenComparing(s -> String.join(",", (List<String>) s.get("tags"))));
        return Map.of("series", result);
    }

    private static List<String> tagList(String tagsParam) {
        return tagsParam == null || tagsParam.isBlank() ? List.of()
                : Arrays.stream(tagsParam.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    @GET
    public Map<String, Object> query(@QueryParam("name") String name, @QueryParam("tags") String tagsParam,
            @QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("invalid_parameter", "name is required, e.g. /v1/metrics?name=network_path.hops");
        }
        Instant now = clock.instant();
        Instant to = TimeParam.parse("to", toParam, now);
        Instant from = TimeParam.parse("from", fromParam, to.minusSeconds(3600));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("invalid_parameter", "from must not be after to");
        }
        List<String> tags = tagList(tagsParam);

        // series id -> (context, ts -> value); a TreeMap orders points and merges Redis and S3 copies of a point
        Map<String, JsonNode> contexts = new LinkedHashMap<>();
        Map<String, TreeMap<Long, Double>> points = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>(List.of("redis"));
        for (Map.Entry<String, String> entry : store.contexts().entrySet()) {
            JsonNode context = store.readContext(entry.getValue());
            if (!name.equals(context.path("metric").asText()) || !SeriesKey.of(context).hasTags(tags)) {
                continue;
            }
            TreeMap<Long, Double> series = new TreeMap<>();
            for (double[] p : store.points(entry.getKey(), from.getEpochSecond(), to.getEpochSecond())) {
                series.put((long) p[0], p[1]);
            }
            contexts.put(entry.getKey(), context);
            points.put(entry.getKey(), series);
        }
        Instant horizon = now.minusSeconds(config.api().recentTtlSeconds());
        if (from.isBefore(horizon)) {
            sources.add("s3");
            Instant archiveTo = to.isBefore(horizon) ? to : horizon;
            List<String> probeIds = probes.list().stream().map(Probe::probeId).toList();
            for (ArchiveReader.Archived archived : archive.daily("metrics", probeIds, IngestedDays.between(from, archiveTo, config.api().maxArchiveDays()))) {
                JsonNode payload = archived.payload();
                for (JsonNode series : payload.path("series")) {
                    SeriesKey key = SeriesKey.of(series);
                    if (!name.equals(key.metric()) || !key.hasTags(tags)) {
                        continue;
                    }
                    contexts.putIfAbsent(key.id(), series);
                    TreeMap<Long, Double> merged = points.computeIfAbsent(key.id(), k -> new TreeMap<>());
                    for (JsonNode p : series.path("points")) {
                        long ts = p.get(0).asLong();
                        if (ts >= from.getEpochSecond() && ts <= to.getEpochSecond()) {
                            merged.putIfAbsent(ts, p.get(1).asDouble());
                        }
                    }
                }
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : contexts.entrySet()) {
            JsonNode context = entry.getValue();
            SeriesKey key = SeriesKey.of(context);
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("metric", key.metric());
            series.put("host", key.host());
            series.put("tags", key.tags());
            series.put("type", context.path("type").asText());
            series.put("interval", context.path("interval").asLong());
            series.put("points", points.get(entry.getKey()).entrySet().stream().map(p -> List.<Number>of(p.getKey(), p.getValue())).toList());
            result.add(series);
        }
        return Map.of("series", result, "from", from.getEpochSecond(), "to", to.getEpochSecond(), "sources", sources);
    }
}
