package io.edgeledger.api.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.redis.OrderedWrites;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recent metric points in Redis: {@code edgeledger:metrics:series} maps a series id to its context and type, and
 * {@code edgeledger:metrics:points:<id>} holds {@code ts:value} members scored by ts (seconds), so a re-sent point is
 * the same member. Points older than the recent window are trimmed; the S3 archive keeps them all.
 */
@ApplicationScoped
public class MetricStore {
    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final SortedSetCommands<String, String> zsets;
    private final ObjectMapper json;
    private final Clock clock;
    private final long ttlSeconds;

    public MetricStore(RedisDataSource redis, ObjectMapper json, Clock clock, ApiConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.zsets = redis.sortedSet(String.class);
        this.json = json;
        this.clock = clock;
        this.ttlSeconds = config.api().recentTtlSeconds();
    }

    /**
     * The Redis writes that store one series, for {@link OrderedWrites} (the caller sends them with the batch's other
     * writes and its idempotency marker in one round trip). Every write is idempotent: a re-sent point is the same member.
     */
    public List<List<String>> writes(MetricSeries series) {
        SeriesKey key = SeriesKey.of(series);
        String id = key.id();
        ObjectNode context = json.createObjectNode();
        context.put("metric", key.metric());
        context.put("host", key.host());
        key.tags().forEach(context.putArray("tags")::add);
        context.put("type", series.type());
        context.put("interval", series.interval());
        List<List<String>> writes = new ArrayList<>(4);
        writes.add(List.of("HSET", RedisKeys.METRIC_SERIES, id, write(context)));
        if (!series.points().isEmpty()) {
            String pointsKey = RedisKeys.metricPoints(id);
            List<String> zadd = null;
            for (MetricPoint point : series.points()) {
                if (zadd == null || zadd.size() + 2 > OrderedWrites.MAX_ARGS_PER_COMMAND) {
                    zadd = new ArrayList<>(List.of("ZADD", pointsKey));
                    writes.add(zadd);
                }
                zadd.add(Long.toString(point.timestamp()));
                zadd.add(point.timestamp() + ":" + point.value());
            }
            writes.add(List.of("ZREMRANGEBYSCORE", pointsKey, "-inf", Long.toString(clock.millis() / 1000 - ttlSeconds)));
            writes.add(List.of("EXPIRE", pointsKey, Long.toString(ttlSeconds)));
        }
        return writes;
    }

    /** Every series context with its id. */
    public Map<String, String> contexts() {
        return hashes.hgetall(RedisKeys.METRIC_SERIES);
    }

    public List<double[]> points(String seriesId, long fromSeconds, long toSeconds) {
        List<double[]> points = new ArrayList<>();
        for (ScoredValue<String> scored : zsets.zrangebyscoreWithScores(RedisKeys.metricPoints(seriesId),
                new ScoreRange<>((double) fromSeconds, (double) toSeconds))) {
            String member = scored.value();
            points.add(new double[] {scored.score(), Double.parseDouble(member.substring(member.indexOf(':') + 1))});
        }
        return points;
    }

    JsonNode readContext(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored series context is not JSON", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
