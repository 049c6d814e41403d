package io.edgeledger.api.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.edgeledger.wire.TraceroutePayload;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Recent traceroute results per probe: a sorted set scored by result time (ms) whose members are the stored path
 * records. The same batch stores the same member, so re-ingestion does not duplicate. Trimmed to the recent window on
 * every write; older results live in the S3 archive.
 */
@ApplicationScoped
public class PathStore {
    private final RedisDataSource redis;
    private final SortedSetCommands<String, String> zsets;
    private final ObjectMapper json;
    private final Clock clock;
    private final long ttlSeconds;

    public PathStore(RedisDataSource redis, ObjectMapper json, Clock clock, ApiConfig config) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.json = json;
        this.clock = clock;
        this.ttlSeconds = config.api().recentTtlSeconds();
    }

    /** The record kept and served for one traceroute payload. */
    public static ObjectNode record(String probeId, TraceroutePayload payload, long timestampMillis) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("probe_id", probeId);
        record.put("batch_id", payload.batchId());
        record.put("job_id", payload.jobId());
        record.put("timestamp", java.time.Instant.ofEpochMilli(timestampMillis).toString());
        record.put("target", payload.target());
        record.put("protocol", payload.protocol());
        payload.tags().forEach(record.putArray("tags")::add);
        if (payload.result() == null) {
            record.putNull("result");
        } else {
            // the text the API read the result as: written into the record as is, not parsed again
            record.putRawValue("result", new RawValue(payload.result().json().text()));
        }
        record.put("error", payload.error());
        return record;
    }

    public void add(String probeId, ObjectNode record, long timestampMillis) {
        String key = RedisKeys.paths(probeId);
        zsets.zadd(key, timestampMillis, write(record));
        zsets.zremrangebyscore(key, new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) (clock.millis() - ttlSeconds * 1000)));
        redis.key().expire(key, ttlSeconds);
        redis.set(String.class).sadd(RedisKeys.PATH_PROBES, probeId);
    }

    public Set<String> probes() {
        return redis.set(String.class).smembers(RedisKeys.PATH_PROBES);
    }

    public List<JsonNode> since(String probeId, long fromMillis) {
        return zsets.zrangebyscore(RedisKeys.paths(probeId), new ScoreRange<>((double) fromMillis, Double.POSITIVE_INFINITY))
                .stream().map(this::read).toList();
    }

    private String write(JsonNode node) {
        return StoredJson.write(json, node);
    }

    private JsonNode read(String value) {
        return StoredJson.read(json, value, "path record");
    }
}
