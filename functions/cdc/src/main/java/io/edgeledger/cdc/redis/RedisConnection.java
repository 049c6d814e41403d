package io.edgeledger.cdc.redis;

import io.edgeledger.redis.RedisCredentials;
import io.edgeledger.redis.RedisFailures;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.redis.RedisTls;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Jedis connection (TLS and credentials from {@link RedisSettings}) and the three ways the CDC talks over
 * it: a command, a pipeline (one round trip) and MULTI/EXEC (all or nothing). Every Jedis failure becomes a
 * {@link RedisException} whose message names the setting to fix. Replies of raw commands stay bytes, so stream
 * entries are never decoded twice. Not thread-safe: one connection per thread.
 */
public final class RedisConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** Socket read timeout on top of a command's own BLOCK time, so a dead server never hangs a run. */
    private static final int READ_SLACK_MS = 10_000;

    private final RedisSettings settings;
    private final Jedis jedis;

    private RedisConnection(RedisSettings settings, Jedis jedis) {
        this.settings = settings;
        this.jedis = jedis;
    }

    /**
     * Connects, completes the TLS handshake and AUTH, and checks with PING, so a bad setting fails here. Credentials
     * refused by Redis are read once more from their secret (a rotated AUTH token) before the failure is reported.
     */
    public static RedisConnection open(RedisSettings settings) {
        try {
            return connect(settings);
        } catch (RedisException e) {
            if (RedisFailures.isAuthFailure(e) && settings.refreshCredentials()) {
                return connect(settings);
            }
            throw e;
        }
    }

    private static RedisConnection connect(RedisSettings settings) {
        RedisCredentials credentials = settings.currentCredentials();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(READ_SLACK_MS)
                .database(settings.database())
                .clientName("edgeledger-cdc");
        if (credentials.present()) {
            config.user(credentials.user()).password(credentials.password());
        }
        if (settings.tls()) {
            config.ssl(true).sslSocketFactory(RedisTls.context(settings).getSocketFactory()).sslParameters(RedisTls.verifyingHostName());
        }
        Jedis jedis = null;
        try {
            jedis = new Jedis(new HostAndPort(settings.host(), settings.port()), config.build());
            jedis.ping();
            return new RedisConnection(settings, jedis);
        } catch (JedisException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw new RedisException(RedisFailures.describe(e, settings), e);
        }
    }

    /** Runs typed Jedis commands (e.g. {@code redis.run(j -> j.smembers(key))}). */
    public <T> T run(Function<Jedis, T> commands) {
        try {
            return commands.apply(jedis);
        } catch (JedisException e) {
            throw failure(e);
        }
    }

    /** One command with byte[] arguments; the reply raw: byte[], Long, List of those, or null. */
    public Object raw(Command command, byte[]... args) {
        return run(j -> j.sendCommand(command, args));
    }

    /** As {@link #raw} for a command that may block on the server up to {@code blockMillis}. */
    public Object rawBlocking(long blockMillis, Command command, byte[]... args) {
        return run(j -> {
            j.getConnection().setSoTimeout((int) Math.min(Integer.MAX_VALUE, blockMillis + READ_SLACK_MS));
            try {
                return j.sendCommand(command, args);
            } finally {
                j.getConnection().setSoTimeout(READ_SLACK_MS);
            }
        });
    }

    /** Queues commands and sends them in one round trip; replies in order (an error reply is thrown by its {@code get}). */
    public void pipeline(Consumer<Pipeline> commands) {
        run(j -> {
            try (Pipeline pipeline = j.pipelined()) {
                commands.accept(pipeline);
                pipeline.sync();
            }
            return null;
        });
    }

    /** MULTI, the commands, EXEC in one round trip: all applied or none. Returns EXEC's replies. */
    public List<Object> transaction(Consumer<Transaction> commands) {
        return run(j -> {
            Transaction transaction = j.multi();
            try {
                commands.accept(transaction);
            } catch (RuntimeException e) {
                transaction.discard();
                throw e;
            }
            List<Object> replies = transaction.exec();
            if (replies == null) {
                throw new RedisException("Redis aborted a transaction at " + settings.endpoint());
            }
            for (Object reply : replies) {
                if (reply instanceof JedisException error) {
                    throw new RedisException("Redis refused a command in a transaction: " + error.getMessage(), error);
                }
            }
            return replies;
        });
    }

    public RedisSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            jedis.close();
        } catch (JedisException ignored) {
            // closing anyway
        }
    }

    private RedisException failure(JedisException e) {
        if (e instanceof JedisConnectionException) {
            close();
            return new RedisException(RedisFailures.describe(e, settings), e);
        }
        return new RedisException("Redis at " + settings.endpoint() + " answered with an error: " + e.getMessage(), e);
    }
}
