package io.edgeledger.api.devlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.edgeledger.wire.SessionEvent;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recent devlog sessions: {@code edgeledger:devlog:sessions} (session id scored by its last event, ms), a hash of
 * session facts, and the events of each session in a sorted set by event time. Events are stored as their wire record
 * ({@code SessionEvent}: the design's fields, {@code data} as sent); each carries a stable id, and the same event is the
 * same member, so replays do not duplicate.
 */
@ApplicationScoped
public class DevlogStore {
    private final RedisDataSource redis;
    private final SortedSetCommands<String, String> zsets;
    private final HashCommands<String, String, String> hashes;
    private final ObjectMapper json;
    private final long ttlSeconds;

    public DevlogStore(RedisDataSource redis, ObjectMapper json, ApiConfig config) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.hashes = redis.hash(String.class);
        this.json = json;
        this.ttlSeconds = config.api().recentTtlSeconds();
    }

    /** Stores the events of one session (all from the same batch). */
    public void add(String probeId, String sessionId, List<SessionEvent> events) {
        Map<String, Double> members = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        SessionEvent sample = events.get(0);
        for (SessionEvent event : events) {
            long ts = event.instant().toEpochMilli();
            first = Math.min(first, ts);
            last = Math.max(last, ts);
            members.put(StoredJson.write(json, event), (double) ts);
            sample = event.projectPath() != null || event.model() != null ? event : sample;
        }
        String eventsKey = RedisKeys.devlogEvents(sessionId);
        zsets.zadd(eventsKey, members);
        redis.key().expire(eventsKey, ttlSeconds);

        String sessionKey = RedisKeys.devlogSession(sessionId);
        Map<String, String> known = hashes.hgetall(sessionKey);
        Map<String, String> facts = new HashMap<>();
        facts.put("session_id", sessionId);
        facts.put("probe_id", probeId);
        putKnown(facts, "agent_id", sample.agentId());
        putKnown(facts, "agent_version", sample.agentVersion());
        putKnown(facts, "project_path", sample.projectPath());
        putKnown(facts, "model", sample.model());
        long knownFirst = known.containsKey("first_ms") ? Long.parseLong(known.get("first_ms")) : Long.MAX_VALUE;
        long knownLast = known.containsKey("last_ms") ? Long.parseLong(known.get("last_ms")) : Long.MIN_VALUE;
        facts.put("first_ms", Long.toString(Math.min(first, knownFirst)));
        facts.put("last_ms", Long.toString(Math.max(last, knownLast)));
        hashes.hset(sessionKey, facts);
        redis.key().expire(sessionKey, ttlSeconds);
        zsets.zadd(RedisKeys.DEVLOG_SESSIONS, (double) Math.max(last, knownLast), sessionId);
        zsets.zremrangebyscore(RedisKeys.DEVLOG_SESSIONS,
                new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) (System.currentTimeMillis() - ttlSeconds * 1000)));
    }

    /** Session ids, most recently active first. */
    public List<String> sessions(int limit) {
        return zsets.zrange(RedisKeys.DEVLOG_SESSIONS, 0, limit - 1L, new ZRangeArgs().rev());
    }

    public Optional<Map<String, Object>> session(String sessionId) {
        Map<String, String> facts = hashes.hgetall(RedisKeys.devlogSession(sessionId));
        if (facts == null || facts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("session_id", sessionId);
        session.put("agent_id", facts.get("agent_id"));
        session.put("agent_version", facts.get("agent_version"));
        session.put("project_path", facts.get("project_path"));
        session.put("model", facts.get("model"));
        session.put("probe_id", facts.get("probe_id"));
        session.put("first_event_at", Instant.ofEpochMilli(Long.parseLong(facts.get("first_ms"))).toString());
        session.put("last_event_at", Instant.ofEpochMilli(Long.parseLong(facts.get("last_ms"))).toString());
        session.put("event_count", zsets.zcard(RedisKeys.devlogEvents(sessionId)));
        return Optional.of(session);
    }

    public List<JsonNode> events(String sessionId, long fromMillis, long toMillis) {
        return zsets.zrangebyscore(RedisKeys.devlogEvents(sessionId), new ScoreRange<>((double) fromMillis, (double) toMillis))
                .stream().map(this::read).toList();
    }

    private static void putKnown(Map<String, String> facts, String key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private JsonNode read(String value) {
        return StoredJson.read(json, value, "devlog event");
    }
}
