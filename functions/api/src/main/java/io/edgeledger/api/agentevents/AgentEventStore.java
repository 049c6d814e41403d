package io.edgeledger.api.agentevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.edgeledger.wire.AgentEvent;
import io.edgeledger.wire.UnixTime;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recent agent events per probe: a sorted set by event time (ms), trimmed to the recent window like check runs. */
@ApplicationScoped
public class AgentEventStore {
    private final RedisDataSource redis;
    private final SortedSetCommands<String, String> zsets;
    private final ObjectMapper json;
    private final Clock clock;
    private final long ttlSeconds;

    public AgentEventStore(RedisDataSource redis, ObjectMapper json, Clock clock, ApiConfig config) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.json = json;
        this.clock = clock;
        this.ttlSeconds = config.api().recentTtlSeconds();
    }

    static String key(String probeId) {
        return RedisKeys.PREFIX + "agent-events:" + probeId;
    }

    /** The same event always writes the same member, so a re-sent batch adds no duplicate. */
    public void add(String probeId, List<AgentEvent> events) {
        Map<String, Double> members = new HashMap<>();
        for (AgentEvent e : events) {
            try {
                members.put(json.writeValueAsString(e), (double) UnixTime.toMillis(e.timestamp()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("an agent event did not serialize", ex);
            }
        }
        if (members.isEmpty()) {
            return;
        }
        String key = key(probeId);
        zsets.zadd(key, members);
        zsets.zremrangebyscore(key, new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) (clock.millis() - ttlSeconds * 1000)));
        redis.key().expire(key, ttlSeconds);
    }

    public List<JsonNode> since(String probeId, long fromMillis) {
        return zsets.zrangebyscore(key(probeId), new ScoreRange<>((double) fromMillis, Double.POSITIVE_INFINITY))
                .stream().map(v -> StoredJson.read(json, v, "agent event")).toList();
    }
}
