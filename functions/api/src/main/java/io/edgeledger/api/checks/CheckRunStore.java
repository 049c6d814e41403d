package io.edgeledger.api.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.edgeledger.wire.CheckRun;
import io.edgeledger.wire.UnixTime;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recent check runs per probe (sorted set by run time, ms), trimmed to the recent window like paths. */
@ApplicationScoped
public class CheckRunStore {
    private final RedisDataSource redis;
    private final SortedSetCommands<String, String> zsets;
    private final ObjectMapper json;
    private final Clock clock;
    private final long ttlSeconds;

    public CheckRunStore(RedisDataSource redis, ObjectMapper json, Clock clock, ApiConfig config) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.json = json;
        this.clock = clock;
        this.ttlSeconds = config.api().recentTtlSeconds();
    }

    public void add(String probeId, List<CheckRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        Map<String, Double> members = new HashMap<>();
        for (CheckRun run : runs) {
            members.put(write(run), (double) UnixTime.toMillis(run.timestamp()));
        }
        String key = RedisKeys.checkRuns(probeId);
        zsets.zadd(key, members);
        zsets.zremrangebyscore(key, new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) (clock.millis() - ttlSeconds * 1000)));
        redis.key().expire(key, ttlSeconds);
    }

    public List<JsonNode> since(String probeId, long fromMillis) {
        return zsets.zrangebyscore(RedisKeys.checkRuns(probeId), new ScoreRange<>((double) fromMillis, Double.POSITIVE_INFINITY))
                .stream().map(this::read).toList();
    }

    /** The same run always writes the same member, so a re-sent batch does not add a duplicate. */
    private String write(CheckRun run) {
        try {
            return json.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check run did not serialize", e);
        }
    }

    private JsonNode read(String value) {
        return StoredJson.read(json, value, "check run");
    }
}
