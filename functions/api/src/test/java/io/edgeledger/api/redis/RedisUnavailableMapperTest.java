package io.edgeledger.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.redis.client.impl.types.ErrorType;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are a Redis outage (503 with Retry-After) and which stay unexpected (500): by type, not by message. */
class RedisUnavailableMapperTest {
    @Test
    void vertxsSharedClosedConnectionExceptionIsAnOutage() {
        assertThat(ConnectionBase.CLOSED_EXCEPTION.getStackTrace()).isEmpty();
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(ConnectionBase.CLOSED_EXCEPTION))).isTrue();
    }

    @Test
    void theRedisClientsConnectionClosedErrorIsAnOutage() {
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(ErrorType.create("CONNECTION_CLOSED")))).isTrue();
    }

    @Test
    void aSocketFailureUnderARedisCallIsAnOutage() {
        ConnectException refused = new ConnectException("Connection refused");
        refused.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.redis.client.impl.RedisClient", "connect", "RedisClient.java", 1)});
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(refused))).isTrue();
    }

    @Test
    void theClientsStacklessClosedFailureUnderARedisCallIsAnOutageAndElsewhereIsNot() {
        // what RedisOutageTest met: the blocking data source's CompletionException around Vert.x's stackless failure
        CompletionException underRedis = new CompletionException(new io.vertx.core.impl.NoStackTraceThrowable("Connection is closed"));
        underRedis.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.quarkus.redis.runtime.datasource.BlockingValueCommandsImpl", "get", "B.java", 1)});
        assertThat(RedisUnavailableMapper.isRedisOutage(underRedis)).isTrue();
        CompletionException elsewhere = new CompletionException(new io.vertx.core.impl.NoStackTraceThrowable("Connection is closed"));
        elsewhere.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.edgeledger.api.s3.Elsewhere", "x", "E.java", 1)});
        assertThat(RedisUnavailableMapper.isRedisOutage(elsewhere)).isFalse();
    }

    @Test
    void messagesAloneAndCommandErrorsAreNot() {
        // the same words as an outage, but not the types: a bug elsewhere, so a 500
        assertThat(RedisUnavailableMapper.isRedisOutage(new IllegalStateException("Connection is closed"))).isFalse();
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(new VertxException("Connection is closed", true)))).isFalse();
        assertThat(RedisUnavailableMapper.isRedisOutage(new CompletionException(ErrorType.create("WRONGTYPE Operation against a key")))).isFalse();
        // a socket failure that did not come through the Redis client (e.g. S3) is not a Redis outage
        assertThat(RedisUnavailableMapper.isRedisOutage(new ConnectException("Connection refused"))).isFalse();
        assertThat(RedisUnavailableMapper.isRedisOutage(new NullPointerException())).isFalse();
    }
}
