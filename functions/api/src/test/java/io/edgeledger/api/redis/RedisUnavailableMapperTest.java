package io.edgeledger.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are a Redis outage (503 with Retry-After) and which stay unexpected (500). */
class RedisUnavailableMapperTest {
    @Test
    void vertxsStacklessConnectionIsClosedIsAnOutage() {
        VertxException closed = new VertxException("Connection is closed", true);
        assertThat(closed.getStackTrace()).isEmpty();
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(closed))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(RedisUnavailableMapper.isRedisOutage(new IllegalStateException("Connection is closed"))).isFalse();
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(new VertxException("bad argument", true)))).isFalse();
        assertThat(RedisUnavailableMapper.isRedisOutage(new NullPointerException())).isFalse();
    }
}
