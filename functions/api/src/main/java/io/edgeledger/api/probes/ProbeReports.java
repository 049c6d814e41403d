package io.edgeledger.api.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.edgeledger.wire.CheckRun;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.UnixTime;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe says about itself, folded at ingestion into what the probe list shows, so listing probes reads one
 * hash per probe instead of their series and runs: the newest run of each check instance, when the probe was last
 * heard from, and the agent's own {@code edge_probe.*} gauges (version, forwarder backlog). Older reports (a spool
 * delivering its backlog late) never overwrite newer ones.
 */
@ApplicationScoped
public class ProbeReports {
    /** {@code edge_probe.running} (value 1, tag {@code version:<v>}), as Datadog's agent reports {@code datadog.agent.running}. */
    public static final String RUNNING = "edge_probe.running";
    /** Forwarder gauges: undelivered payloads, spool bytes on disk, age of the oldest undelivered payload, dropped payloads. */
    public static final Map<String, String> FORWARDER = Map.of(
            "edge_probe.forwarder.pending", "pending",
            "edge_probe.forwarder.spool_bytes", "spool_bytes",
            "edge_probe.forwarder.oldest_pending_age", "oldest_pending_age_s",
            "edge_probe.forwarder.dropped", "dropped");
    private static final String REPORTED_AT = "self_reported_at";
    private static final String LAST_SEEN = "last_seen";

    private final HashCommands<String, String, String> hashes;
    private final ObjectMapper json;

    public ProbeReports(RedisDataSource redis, ObjectMapper json) {
        this.hashes = redis.hash(String.class);
        this.json = json;
    }

    public void metrics(String probeId, List<MetricSeries> series) {
        long newest = 0;
        Map<String, String> fields = new HashMap<>();
        for (MetricSeries s : series) {
            MetricPoint last = s.points().isEmpty() ? null : s.points().get(s.points().size() - 1);
            String field = FORWARDER.get(s.metric());
            if (last == null || (field == null && !RUNNING.equals(s.metric()))) {
                continue;
            }
            newest = Math.max(newest, UnixTime.toMillis(last.timestamp()));
            if (field != null) {
                fields.put("forwarder." + field, Long.toString(Math.round(last.value())));
            } else {
                s.tags().stream().filter(t -> t.startsWith("version:")).findFirst()
                        .ifPresent(t -> fields.put("version", t.substring("version:".length())));
            }
        }
        if (fields.isEmpty() || newest < millis(hashes.hget(RedisKeys.probe(probeId), REPORTED_AT))) {
            return;
        }
        fields.put(REPORTED_AT, Instant.ofEpochMilli(newest).toString());
        seen(fields, probeId, newest);
        hashes.hset(RedisKeys.probe(probeId), fields);
    }

    public void checkRuns(String probeId, List<CheckRun> runs) {
        Map<String, String> stored = hashes.hgetall(RedisKeys.probeChecks(probeId));
        Map<String, String> newer = new HashMap<>();
        long newest = 0;
        for (CheckRun run : runs) {
            long at = UnixTime.toMillis(run.timestamp());
            newest = Math.max(newest, at);
            String key = run.instanceId() == null ? run.check() : run.instanceId();
            String previous = newer.getOrDefault(key, stored.get(key));
            JsonNode before = previous == null ? null : StoredJson.read(json, previous, "check run");
            if (before != null && before.path("timestamp_ms").asLong() > at) {
                continue;
            }
            ObjectNode view = json.createObjectNode();
            view.put("check", run.check()).put("instance_id", key).put("status", run.status())
                    .put("message", run.message()).put("timestamp", Instant.ofEpochMilli(at).toString()).put("timestamp_ms", at);
            newer.put(key, StoredJson.write(json, view));
        }
        if (!newer.isEmpty()) {
            hashes.hset(RedisKeys.probeChecks(probeId), newer);
        }
        Map<String, String> fields = new HashMap<>();
        seen(fields, probeId, newest);
        if (!fields.isEmpty()) {
            hashes.hset(RedisKeys.probe(probeId), fields);
        }
    }

    /** The newest run of each check instance, by check name. */
    public List<JsonNode> latestChecks(String probeId) {
        return hashes.hgetall(RedisKeys.probeChecks(probeId)).values().stream()
                .map(v -> StoredJson.read(json, v, "check run"))
                .map(n -> (JsonNode) ((ObjectNode) n).without("timestamp_ms"))
                .sorted(Comparator.comparing((JsonNode n) -> n.path("check").asText()))
                .toList();
    }

    /** The forwarder fields of a probe hash as {@code {pending, spool_bytes, oldest_pending_age_s, dropped, reported_at}}; null when never reported. */
    static Map<String, Object> forwarder(Map<String, String> probeFields) {
        if (probeFields.get(REPORTED_AT) == null) {
            return null;
        }
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        for (String field : List.of("pending", "spool_bytes", "oldest_pending_age_s", "dropped")) {
            String value = probeFields.get("forwarder." + field);
            view.put(field, value == null ? null : Long.parseLong(value));
        }
        view.put("reported_at", probeFields.get(REPORTED_AT));
        return view;
    }

    private void seen(Map<String, String> fields, String probeId, long at) {
        if (at > millis(hashes.hget(RedisKeys.probe(probeId), LAST_SEEN))) {
            fields.put(LAST_SEEN, Instant.ofEpochMilli(at).toString());
        }
    }

    private static long millis(String iso) {
        return iso == null ? 0 : Instant.parse(iso).toEpochMilli();
    }
}
