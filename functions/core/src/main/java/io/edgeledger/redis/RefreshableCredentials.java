package io.edgeledger.redis;

import java.util.function.Supplier;

/**
 * Credentials kept for the life of the process (a Lambda container) that can be read again from their source when
 * Redis refuses them: an ElastiCache AUTH token rotated in Secrets Manager. See {@link RedisSettings#refreshCredentials}.
 */
public interface RefreshableCredentials extends Supplier<RedisCredentials> {
    /** Forgets the kept value; the next {@link #get} reads the source again. */
    void refresh();
}
