package io.edgeledger.api.enrollment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrollment tokens in Redis, and the exchange's rate limits: every Redis access of the feature is in this class.
 * A token is a hash ({@code edgeledger:enrollment-token:<id>}) holding the SHA-256 of the token, never the token; the
 * ids are in a set for listing. A record outlives its expiry by {@link #RETENTION_SECONDS} so an expired token is
 * refused as expired (not as unknown) and still listed for a while.
 */
@ApplicationScoped
public class EnrollmentTokenStore {
    static final long RETENTION_SECONDS = 7 * 24 * 3600;

    /**
     * Check and consume in one atomic step: of any number of concurrent exchanges of one token, exactly one sees
     * {@code ok}; the others see {@code used}. KEYS[1] the record; ARGV: token hash, now (epoch ms), now (ISO).
     */
    static final String CONSUME = """
            local f = redis.call('HMGET', KEYS[1], 'hash', 'status', 'expires_at_ms')
            if not f[1] or f[1] ~= ARGV[1] then return 'unknown' end
            if f[2] == 'revoked' then return 'revoked' end
            if f[2] == 'used' then return 'used' end
            if tonumber(f[3]) <= tonumber(ARGV[2]) then return 'expired' end
            redis.call('HSET', KEYS[1], 'status', 'used', 'used_at', ARGV[3])
            return 'ok'
            """;

    /** Fixed-window counters: KEYS are the windows, ARGV their lengths (s); returns the highest count. */
    static final String COUNT = """
            local top = 0
            for i, key in ipairs(KEYS) do
                local n = redis.call('INCR', key)
                if n == 1 then redis.call('EXPIRE', key, ARGV[i]) end
                if n > top then top = n end
            end
            return top
            """;

    /** What a consume attempt found. */
    enum Outcome { OK, UNKNOWN, USED, EXPIRED, REVOKED }

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final SetCommands<String, String> sets;
    private final KeyCommands<String> keys;
    private final ObjectMapper json;
    private final Clock clock;

    public EnrollmentTokenStore(RedisDataSource redis, ObjectMapper json, Clock clock) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key(String.class);
        this.json = json;
        this.clock = clock;
    }

    CreatedToken create(long ttlSeconds, List<String> tags, String namePrefix) {
        TokenFormat.Issued issued = TokenFormat.issue();
        Instant now = Instant.now(clock);
        Instant expires = now.plusSeconds(ttlSeconds);
        Map<String, String> fields = new HashMap<>();
        fields.put("hash", TokenFormat.hash(issued.token()));
        fields.put("status", EnrollmentToken.ACTIVE);
        fields.put("tags", StoredJson.writeTags(json, tags));
        if (namePrefix != null) {
            fields.put("name_prefix", namePrefix);
        }
        fields.put("created_at", now.toString());
        fields.put("expires_at", expires.toString());
        fields.put("expires_at_ms", Long.toString(expires.toEpochMilli()));
        String key = RedisKeys.enrollmentToken(issued.id());
        hashes.hset(key, fields);
        keys.expire(key, ttlSeconds + RETENTION_SECONDS);
        sets.sadd(RedisKeys.ENROLLMENT_TOKENS, issued.id());
        return new CreatedToken(issued.token(), toToken(issued.id(), fields));
    }

    Optional<EnrollmentToken> find(String tokenId) {
        return fields(tokenId).map(f -> toToken(tokenId, f));
    }

    /** Every token still on record, newest first; ids whose record expired are dropped from the set on the way. */
    List<EnrollmentToken> list() {
        return sets.smembers(RedisKeys.ENROLLMENT_TOKENS).stream()
                .map(id -> {
                    Optional<EnrollmentToken> t = find(id);
                    if (t.isEmpty()) {
                        sets.srem(RedisKeys.ENROLLMENT_TOKENS, id);
                    }
                    return t;
                })
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(EnrollmentToken::createdAt).reversed().thenComparing(EnrollmentToken::tokenId))
                .toList();
    }

    /** Revokes an unused token; a used one stays used (its probe is revoked with DELETE /v1/probes/{id}). */
    Optional<EnrollmentToken> revoke(String tokenId) {
        Optional<Map<String, String>> f = fields(tokenId);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (EnrollmentToken.ACTIVE.equals(f.get().get("status"))) {
            hashes.hset(RedisKeys.enrollmentToken(tokenId),
                    Map.of("status", EnrollmentToken.REVOKED, "revoked_at", Instant.now(clock).toString()));
        }
        return find(tokenId);
    }

    Outcome consume(String tokenId, String token) {
        Instant now = Instant.now(clock);
        String result = redis.execute("EVAL", CONSUME, "1", RedisKeys.enrollmentToken(tokenId), TokenFormat.hash(token),
                Long.toString(now.toEpochMilli()), now.toString()).toString();
        return Outcome.valueOf(result.toUpperCase(java.util.Locale.ROOT));
    }

    /** After a successful exchange: which probe the token became. */
    void recordProbe(String tokenId, String probeId, String hostname, String version) {
        Map<String, String> fields = new HashMap<>();
        fields.put("probe_id", probeId);
        if (hostname != null) {
            fields.put("hostname", hostname);
        }
        if (version != null) {
            fields.put("probe_version", version);
        }
        hashes.hset(RedisKeys.enrollmentToken(tokenId), fields);
    }

    /**
     * Counts one exchange attempt in this second (all tokens) and this minute (this token id); the higher of the two
     * counts relative to its limit decides. Returns true when the attempt is within both limits.
     */
    boolean allowExchange(String tokenId, int perSecond, int perTokenPerMinute) {
        long epochSecond = Instant.now(clock).getEpochSecond();
        long total = redis.execute("EVAL", COUNT, "1", RedisKeys.enrollmentRate("all", epochSecond), "2").toLong();
        if (total > perSecond) {
            return false;
        }
        long perToken = redis.execute("EVAL", COUNT, "1", RedisKeys.enrollmentRate(tokenId, epochSecond / 60), "120").toLong();
        return perToken <= perTokenPerMinute;
    }

    private Optional<Map<String, String>> fields(String tokenId) {
        if (tokenId == null || !TokenFormat.TOKEN_ID.matcher(tokenId).matches()) {
            return Optional.empty();
        }
        Map<String, String> f = hashes.hgetall(RedisKeys.enrollmentToken(tokenId));
        return f == null || f.isEmpty() ? Optional.empty() : Optional.of(f);
    }

    private EnrollmentToken toToken(String id, Map<String, String> f) {
        String status = f.get("status");
        if (EnrollmentToken.ACTIVE.equals(status) && Long.parseLong(f.get("expires_at_ms")) <= clock.millis()) {
            status = EnrollmentToken.EXPIRED;
        }
        return new EnrollmentToken(id, f.get("name_prefix"), StoredJson.readTags(json, f.get("tags")), status, f.get("created_at"),
                f.get("expires_at"), f.get("used_at"), f.get("probe_id"), f.get("revoked_at"));
    }
}
