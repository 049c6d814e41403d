package io.edgeledger.api.redis;

import io.edgeledger.redis.RedisFailures;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.redis.RedisSettingsException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A blocking Vert.x Redis connection for command-line tools that must not boot Quarkus ({@code create-key}); same
 * client and the same {@link RedisClientOptions} as the API. Failures become one line naming the setting to fix.
 */
public final class BlockingRedis implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final RedisSettings settings;
    private final Vertx vertx;
    private final RedisConnection connection;

    private BlockingRedis(RedisSettings settings, Vertx vertx, RedisConnection connection) {
        this.settings = settings;
        this.vertx = vertx;
        this.connection = connection;
    }

    /** Opens and PINGs; credentials refused by Redis are read once more from their secret (a rotated AUTH token). */
    public static BlockingRedis open(RedisSettings settings) {
        try {
            return connect(settings);
        } catch (RedisSettingsException e) {
            if (RedisFailures.isAuthFailure(e) && settings.refreshCredentials()) {
                return connect(settings);
            }
            throw e;
        }
    }

    private static BlockingRedis connect(RedisSettings settings) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            Redis client = Redis.createClient(vertx, RedisClientOptions.apply(settings, new RedisOptions()));
            RedisConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            BlockingRedis redis = new BlockingRedis(settings, vertx, connection);
            redis.send(Request.cmd(Command.PING));
            return redis;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            vertx.close();
            throw new RedisSettingsException(RedisFailures.describe(e instanceof ExecutionException ? e.getCause() : e, settings), e);
        } catch (InterruptedException e) {
            vertx.close();
            Thread.currentThread().interrupt();
            throw new RedisSettingsException("interrupted while connecting to Redis at " + settings.endpoint(), e);
        }
    }

    /** Sends one command and waits for its reply; an error reply or a broken connection throws. */
    public Response send(Request request) {
        try {
            return connection.send(request).toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (RedisFailures.isConnectionFailure(cause) || String.valueOf(cause.getMessage()).contains("WRONGPASS")
                    || String.valueOf(cause.getMessage()).contains("NOAUTH")) {
                throw new RedisSettingsException(RedisFailures.describe(cause, settings), cause);
            }
            throw new IllegalStateException("Redis at " + settings.endpoint() + " answered with an error: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new RedisSettingsException(RedisFailures.describe(e, settings), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        connection.close();
        vertx.close();
    }
}
