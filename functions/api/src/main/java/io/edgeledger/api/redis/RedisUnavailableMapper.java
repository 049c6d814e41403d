package io.edgeledger.api.redis;

import io.edgeledger.api.errors.ApiError;
import io.edgeledger.api.errors.UnexpectedExceptionMapper;
import io.edgeledger.redis.RedisFailures;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.redis.client.impl.types.ErrorType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * Redis down or unreachable is not a server bug: 503 {@code redis_unavailable} with {@code Retry-After}, as
 * {@code /health} answers, so probes back off and retry instead of dropping data. Credentials Redis refused are read
 * again from their secret first ({@link RedisCredentialRefresh}), and that answer is a 503 too. Sits in front of the
 * generic mapper (same exception type, higher priority) and hands it everything else.
 */
@Provider
@Priority(Priorities.USER - 100)
public class RedisUnavailableMapper implements ExceptionMapper<Exception> {
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RedisUnavailableMapper.class);
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();
    private final RedisCredentialRefresh credentials;

    public RedisUnavailableMapper(RedisCredentialRefresh credentials) {
        this.credentials = credentials;
    }

    @Override
    public Response toResponse(Exception e) {
        // refused credentials: a rotated secret is read again, so the client's retry after Retry-After gets in
        boolean refused = RedisCredentialRefresh.isAuthFailure(e) && credentials.refresh();
        if (!refused && !isRedisOutage(e)) {
            return unexpected.toResponse(e);
        }
        LOG.warnf("Redis unavailable, answering 503: %s", RedisFailures.describe(e, RedisSettingsCustomizer.settings()));
        return unavailable();
    }

    /** 503 {@code redis_unavailable} with Retry-After: what probes back off and retry on. */
    private static Response unavailable() {
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new ApiError("redis_unavailable", "the API's data store (Redis) is unreachable; retry after "
                        + RETRY_AFTER_SECONDS + " s"))
                .build();
    }

    /**
     * A failure that came from the Redis client losing (or never getting) its connection, recognised by exception
     * types, never by message text: the Vert.x Redis client's own {@code CONNECTION_CLOSED} error, Vert.x's shared
     * closed-connection exception ({@link ConnectionBase#CLOSED_EXCEPTION}: stackless, so it has no Redis frame), or a
     * socket, TLS or timeout exception under a call that went through the Redis client. An error reply of a command
     * (WRONGTYPE, a script error) is a server bug, not an outage, and stays a 500.
     */
    static boolean isRedisOutage(Throwable e) {
        boolean fromRedis = false;
        boolean connectionLost = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == ConnectionBase.CLOSED_EXCEPTION || t instanceof ErrorType error && error.is("CONNECTION_CLOSED")) {
                return true;
            }
            Throwable current = t;
            connectionLost |= CONNECTION_FAILURES.stream().anyMatch(type -> type.isInstance(current));
            fromRedis |= Arrays.stream(t.getStackTrace()).map(StackTraceElement::getClassName).anyMatch(name ->
                    name.startsWith("io.vertx.redis.") || name.startsWith("io.vertx.mutiny.redis.") || name.startsWith("io.quarkus.redis."));
        }
        return fromRedis && connectionLost;
    }

    /** What the client throws when Redis cannot be reached, refuses the handshake, or does not answer in time. */
    private static final List<Class<? extends Throwable>> CONNECTION_FAILURES = List.of(ConnectException.class,
            NoRouteToHostException.class, UnknownHostException.class, SocketException.class, ClosedChannelException.class,
            SSLException.class, ConnectTimeoutException.class, NoStackTraceTimeoutException.class,
            io.smallrye.mutiny.TimeoutException.class, java.util.concurrent.TimeoutException.class,
            // the client's "Connection is closed" when Redis goes away mid-command: a stackless Vert.x failure (a
            // command's error reply is an ErrorType instead), so only with a Redis call above it
            io.vertx.core.impl.NoStackTraceThrowable.class);
}
