package io.edgeledger.cdc.minter;

import io.edgeledger.cdc.config.Settings;
import io.edgeledger.redis.RedisSettings;

/**
 * How the minter runs: EDGELEDGER_REDIS_URL + EDGELEDGER_REDIS_CA_FILE (core RedisSettings), EDGELEDGER_MINT_LEASE_SECONDS (120: how long a claimed batch
 * is ours before another minter may take it), EDGELEDGER_MINT_BACKOFF_BASE_MS (2000) and
 * EDGELEDGER_MINT_BACKOFF_MAX_SECONDS (300) for failures, EDGELEDGER_MINT_PER_RUN (100),
 * EDGELEDGER_NEAR_RECEIVER (the signer account: who receives the token NFTs).
 */
public record MinterSettings(RedisSettings redis, long leaseMillis, MintBackoff backoff, int perRun, long runMarginMillis) {

    public static MinterSettings from(Settings s) {
        return new MinterSettings(
                s.redis(),
                s.seconds("EDGELEDGER_MINT_LEASE_SECONDS", 120).toMillis(),
                new MintBackoff(s.millis("EDGELEDGER_MINT_BACKOFF_BASE_MS", 2000).toMillis(),
                        s.seconds("EDGELEDGER_MINT_BACKOFF_MAX_SECONDS", 300).toMillis()),
                s.positiveInt("EDGELEDGER_MINT_PER_RUN", 100),
                s.millis("EDGELEDGER_CDC_RUN_MARGIN_MS", 10_000).toMillis());
    }

    /** The same settings with credentials from elsewhere (e.g. a Secrets Manager secret). */
    public MinterSettings withRedis(RedisSettings other) {
        return new MinterSettings(other, leaseMillis, backoff, perRun, runMarginMillis);
    }
}
