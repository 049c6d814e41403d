package io.edgeledger.api.paths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.archive.ArchiveReader;
import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.archive.IngestedDays;
import io.edgeledger.api.params.TimeParam;
import io.edgeledger.api.probes.Probe;
import io.edgeledger.api.probes.ProbeRegistry;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.UnixTime;
import io.edgeledger.api.binding.WireMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/paths?probe=&target=&since=&limit=}: newest first. Results younger than the Redis window come from
 * Redis; when {@code since} reaches further back, the S3 archive fills in the older days.
 */
@Path("/v1/paths")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class PathsResource {
    private final PathStore store;
    private final ProbeRegistry probes;
    private final ArchiveReader archive;
    private final Clock clock;
    private final ApiConfig config;

    public PathsResource(PathStore store, ProbeRegistry probes, ArchiveReader archive, Clock clock,
            ApiConfig config) {
        this.store = store;
        this.probes = probes;
        this.archive = archive;
        this.clock = clock;
        this.config = config;
    }

    @GET
    public Map<String, Object> paths(@QueryParam("probe") String probe, @QueryParam("target") String target,
            @QueryParam("since") String sinceParam, @QueryParam("limit") String limitParam) {
        Instant now = clock.instant();
        Instant since = TimeParam.parse("since", sinceParam, now.minusSeconds(24 * 3600));
        int limit = TimeParam.limit(limitParam, 100, 1000);
        Set<String> probeIds = new LinkedHashSet<>();
        if (probe != null && !probe.isBlank()) {
            probeIds.add(probe);
        } else {
            probeIds.addAll(store.probes());
            probes.list().stream().map(Probe::probeId).forEach(probeIds::add);
        }
        Map<String, JsonNode> byBatch = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>(List.of("redis"));
        for (String id : probeIds) {
            for (JsonNode record : store.since(id, since.toEpochMilli())) {
                byBatch.putIfAbsent(id + "/" + record.path("batch_id").asText(), record);
            }
        }
        Instant redisHorizon = now.minusSeconds(config.api().recentTtlSeconds());
        if (since.isBefore(redisHorizon)) {
            sources.add("s3");
            for (ArchiveReader.Archived archived : archive.daily("traceroute", probeIds,
                    IngestedDays.between(since, redisHorizon, config.api().maxArchiveDays()))) {
                String id = archived.probeId();
                TraceroutePayload payload = archivedPayload(archived.payload());
                long ts = UnixTime.toMillis(payload.timestamp());
                if (ts >= since.toEpochMilli()) {
                    // the archive holds the result as a tree already: serve that one, which matchesTarget reads
                    byBatch.putIfAbsent(id + "/" + payload.batchId(),
                            PathStore.record(id, payload, ts).set("result", archived.payload().get("result")));
                }
            }
        }
        List<JsonNode> paths = byBatch.values().stream()
                .filter(r -> target == null || target.isBlank() || matchesTarget(r, target))
                .sorted(Comparator.comparing((JsonNode r) -> r.path("timestamp").asText()).reversed())
                .limit(limit)
                .toList();
        return Map.of("paths", paths, "sources", sources);
    }

    /** An archived batch was checked when it was ingested; reading it back binds it the same way. */
    private static TraceroutePayload archivedPayload(JsonNode archived) {
        try {
            return WireMapper.mapper().treeToValue(archived, TraceroutePayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an archived traceroute batch no longer binds: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean matchesTarget(JsonNode record, String target) {
        if (target.equals(record.path("target").asText(null))) {
            return true;
        }
        JsonNode destination = record.path("result").path("destination");
        return target.equals(destination.path("ip_address").asText(null));
    }
}
