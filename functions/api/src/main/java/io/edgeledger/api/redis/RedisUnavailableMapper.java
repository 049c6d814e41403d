package io.edgeledger.api.redis;

import io.edgeledger.api.errors.ApiError;
import io.edgeledger.api.errors.UnexpectedExceptionMapper;
import io.edgeledger.redis.RedisFailures;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Redis down or unreachable is not a server bug: 503 {@code redis_unavailable} with {@code Retry-After}, as
 * {@code /health} answers, so probes back off and retry instead of dropping data. Sits in front of the generic
 * mapper (same exception type, higher priority) and hands it everything that is not a Redis connection failure.
 */
@Provider
@Priority(Priorities.USER - 100)
public class RedisUnavailableMapper implements ExceptionMapper<Exception> {
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RedisUnavailableMapper.class);
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(Exception e) {
        if (!isRedisOutage(e)) {
            return unexpected.toResponse(e);
        }
        LOG.warnf("Redis unavailable, answering 503: %s", RedisFailures.describe(e, RedisSettingsCustomizer.settings()));
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new ApiError("redis_unavailable", "the API's data store (Redis) is unreachable; retry after "
                        + RETRY_AFTER_SECONDS + " s"))
                .build();
    }

    /**
     * A failure that came from the Redis client losing (or never getting) its connection. Vert.x reports a closed
     * connection with a stackless exception ("Connection is closed"), which has no Redis frame to recognise it by;
     * Redis is the only Vert.x client this API uses, so a stackless Vert.x exception in the chain counts as Redis.
     */
    static boolean isRedisOutage(Throwable e) {
        boolean fromRedis = false;
        for (Throwable t = e; t != null && !fromRedis; t = t.getCause()) {
            if (t.getStackTrace().length == 0 && t.getClass().getName().startsWith("io.vertx.")) {
                fromRedis = true;
                break;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                String name = frame.getClassName();
                if (name.startsWith("io.vertx.redis.") || name.startsWith("io.vertx.mutiny.redis.") || name.startsWith("io.quarkus.redis.")) {
                    fromRedis = true;
                    break;
                }
            }
        }
        return fromRedis && RedisFailures.isConnectionFailure(e);
    }
}
