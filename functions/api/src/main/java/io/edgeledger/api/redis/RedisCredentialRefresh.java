package io.edgeledger.api.redis;

import io.edgeledger.redis.RedisCredentials;
import io.edgeledger.redis.RedisSettings;
import io.quarkus.arc.ClientProxy;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnectOptions;
import io.vertx.redis.client.impl.types.ErrorType;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import org.jboss.logging.Logger;

/**
 * After Redis refused the API's credentials (WRONGPASS, NOAUTH: the ElastiCache AUTH token or RBAC password was
 * rotated in its secret), reads the secret again and hands the new password to the running client, so the next new
 * connection authenticates: the same refresh the CDC does when it opens a connection, without waiting for the next
 * container. Connections already open keep their session. Credentials in EDGELEDGER_REDIS_URL (no secret) have
 * nothing to re-read.
 */
@Singleton
public class RedisCredentialRefresh {
    /** Many requests meet the same refused password at once: the secret is read again at most this often. */
    static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
    private static final Logger LOG = Logger.getLogger(RedisCredentialRefresh.class);

    private final Redis client;
    private long lastRefreshNanos = System.nanoTime() - MIN_INTERVAL_NANOS;

    public RedisCredentialRefresh(Redis client) {
        this.client = client;
    }

    /** The Redis error replies that mean "these credentials are not accepted". */
    public static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ErrorType error && (error.is("WRONGPASS") || error.is("NOAUTH"))) {
                return true;
            }
        }
        return false;
    }

    /** Re-reads the credentials' secret and gives the client the new password; false when there is no secret to re-read. */
    public synchronized boolean refresh() {
        if (System.nanoTime() - lastRefreshNanos < MIN_INTERVAL_NANOS) {
            return true;
        }
        RedisSettings settings = RedisSettingsCustomizer.settings();
        if (!settings.refreshCredentials()) {
            return false;
        }
        RedisCredentials credentials = settings.currentCredentials();
        connectOptions(client).setPassword(credentials.present() ? credentials.password() : null);
        lastRefreshNanos = System.nanoTime();
        LOG.warnf("Redis at %s refused the API's credentials: read them again from %s for new connections",
                settings.endpoint(), RedisSettings.AUTH_SECRET_ARN_VARIABLE);
        return true;
    }

    /**
     * The options the client reads the password from on each new connection. Vert.x copies them when the client is
     * made and offers no public way back to them (its volatile password field is meant to be updated), so they are
     * reached through the client's fields; RedisAuthRotationTest fails if a Vert.x upgrade moves them.
     */
    static RedisConnectOptions connectOptions(Redis client) {
        Object current = ClientProxy.unwrap(client);
        try {
            // Quarkus wraps the Vert.x client (ObservableRedis: metrics) in another Redis
            for (Field wrapped = field(current.getClass(), Redis.class, null); wrapped != null && wrapped.get(current) != null;
                 wrapped = field(current.getClass(), Redis.class, null)) {
                current = wrapped.get(current);
            }
            Object manager = field(current.getClass(), null, "connectionManager").get(current);
            return (RedisConnectOptions) field(manager.getClass(), RedisConnectOptions.class, null).get(manager);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the password of the Vert.x Redis client "
                    + current.getClass().getName() + " (a Vert.x upgrade changed its internals): " + e, e);
        }
    }

    /** The first field (of the class or a superclass) of {@code type}, or named {@code name}; made accessible. */
    private static Field field(Class<?> start, Class<?> type, String name) {
        for (Class<?> c = start; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if ((type != null && type.isAssignableFrom(f.getType())) || f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        if (name != null) {
            throw new IllegalStateException("no field " + name + " in " + start.getName());
        }
        return null;
    }
}
