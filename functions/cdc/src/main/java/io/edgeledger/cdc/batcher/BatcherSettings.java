package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.config.Settings;
import io.edgeledger.redis.RedisSettings;

/**
 * How the batcher reads and seals. Every value has an environment variable (see docs/cdc.md):
 * EDGELEDGER_REDIS_URL + EDGELEDGER_REDIS_CA_FILE (core RedisSettings), EDGELEDGER_CDC_PREFIX, EDGELEDGER_CDC_GROUP, EDGELEDGER_CDC_CONSUMER,
 * EDGELEDGER_CDC_BATCH_MAX_EVENTS / _MAX_BYTES / _IDLE_SECONDS / _MAX_AGE_SECONDS, EDGELEDGER_CDC_READ_COUNT, EDGELEDGER_CDC_READ_PIPELINE,
 * EDGELEDGER_CDC_READ_BLOCK_MS, EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS, EDGELEDGER_CDC_RUN_MARGIN_MS,
 * EDGELEDGER_CDC_SEAL_THREADS, EDGELEDGER_CDC_MAX_IN_FLIGHT, EDGELEDGER_CDC_MAX_IN_FLIGHT_BYTES, EDGELEDGER_CDC_MAX_BUFFERED_BYTES, EDGELEDGER_CDC_REDISCOVER_SECONDS,
 * EDGELEDGER_CDC_NULL_PLACEHOLDER.
 */
public record BatcherSettings(
        RedisSettings redis,
        String streamPrefix,
        String group,
        String consumer,
        SealPolicy policy,
        int readCount,
        int readPipeline,
        long blockMillis,
        long visibilityMillis,
        long runMarginMillis,
        int sealThreads,
        int maxInFlight,
        long maxInFlightBytes,
        long maxBufferedBytes,
        long rediscoverMillis,
        String nullPlaceholder) {

    public static final String DEFAULT_GROUP = "edgeledger-cdc";

    public static BatcherSettings from(Settings s) {
        return from(s, Runtime.getRuntime().maxMemory());
    }

    /**
     * The three byte budgets default to at most an eighth of the heap each: sealing needs about twice a batch's entry
     * bytes, so budgets plus sealing stay near half the heap whatever the entry size (bin/cdc's 64 MB heap gives 8 MiB
     * each; a Lambda's larger heap keeps 16, 12 and 24 MiB). Set explicitly, they are taken as given.
     */
    static BatcherSettings from(Settings s, long maxHeapBytes) {
        long eighth = Math.max(1 << 20, maxHeapBytes / 8);
        int maxBatchBytes = (int) Math.min(SealPolicy.DEFAULT_MAX_BYTES, eighth);
        int inFlightBytes = (int) Math.min(12 << 20, eighth);
        int bufferedBytes = (int) Math.min(24 << 20, eighth);
        // Sealing is hashing plus S3 round trips: a few more threads than cores keeps both busy.
        int threads = s.positiveInt("EDGELEDGER_CDC_SEAL_THREADS", Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        BatcherSettings settings = new BatcherSettings(
                s.redis(),
                s.string("EDGELEDGER_CDC_PREFIX", "etrap"),
                s.string("EDGELEDGER_CDC_GROUP", DEFAULT_GROUP),
                s.string("EDGELEDGER_CDC_CONSUMER", "cdc-batcher"),
                new SealPolicy(s.positiveInt("EDGELEDGER_CDC_BATCH_MAX_EVENTS", SealPolicy.DEFAULT_MAX_EVENTS),
                        s.positiveInt("EDGELEDGER_CDC_BATCH_MAX_BYTES", maxBatchBytes),
                        s.seconds("EDGELEDGER_CDC_BATCH_IDLE_SECONDS", 60),
                        s.seconds("EDGELEDGER_CDC_BATCH_MAX_AGE_SECONDS", 300)),
                s.positiveInt("EDGELEDGER_CDC_READ_COUNT", 1000),
                s.positiveInt("EDGELEDGER_CDC_READ_PIPELINE", 2),
                s.millis("EDGELEDGER_CDC_READ_BLOCK_MS", 1000).toMillis(),
                s.seconds("EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS", 900).toMillis(),
                s.millis("EDGELEDGER_CDC_RUN_MARGIN_MS", 10_000).toMillis(),
                threads,
                s.positiveInt("EDGELEDGER_CDC_MAX_IN_FLIGHT", threads * 2),
                s.positiveInt("EDGELEDGER_CDC_MAX_IN_FLIGHT_BYTES", inFlightBytes),
                s.positiveInt("EDGELEDGER_CDC_MAX_BUFFERED_BYTES", bufferedBytes),
                s.seconds("EDGELEDGER_CDC_REDISCOVER_SECONDS", 10).toMillis(),
                s.string("EDGELEDGER_CDC_NULL_PLACEHOLDER", "default"));
        return settings;
    }

    /** The same settings with credentials from elsewhere (e.g. a Secrets Manager secret). */
    public BatcherSettings withRedis(RedisSettings other) {
        return new BatcherSettings(other, streamPrefix, group, consumer, policy, readCount, readPipeline, blockMillis, visibilityMillis,
                runMarginMillis, sealThreads, maxInFlight, maxInFlightBytes, maxBufferedBytes, rediscoverMillis, nullPlaceholder);
    }

    public BatcherSettings withConsumer(String name) {
        return new BatcherSettings(redis, streamPrefix, group, name, policy, readCount, readPipeline, blockMillis, visibilityMillis,
                runMarginMillis, sealThreads, maxInFlight, maxInFlightBytes, maxBufferedBytes, rediscoverMillis, nullPlaceholder);
    }
}
