package io.edgeledger.api.auth;

import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.RateLimitedException;
import io.edgeledger.api.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Per-probe fixed one-second windows in Redis ({@code INCR} + {@code EXPIRE}), shared by every Lambda instance. A
 * fixed window allows a burst of twice the limit across a window edge, which is fine for protecting the backend.
 */
@ApplicationScoped
public class RateLimiter {
    private final RedisDataSource redis;
    private final ValueCommands<String, Long> counters;
    private final int perSecond;
    private final Clock clock;

    public RateLimiter(RedisDataSource redis, ApiConfig config, Clock clock) {
        this.redis = redis;
        this.counters = redis.value(Long.class);
        this.perSecond = config.api().probeRequestsPerSecond();
        this.clock = clock;
    }

    public void acquire(String probeId) {
        long second = clock.millis() / 1000;
        String key = RedisKeys.rate(probeId, second);
        long count = counters.incr(key);
        if (count == 1) {
            redis.key().expire(key, 2);
        }
        if (count > perSecond) {
            throw new RateLimitedException("probe " + probeId + " is over its limit of " + perSecond
                    + " requests per second; retry after the Retry-After delay", 1);
        }
    }
}
