package io.edgeledger.infra.config;

/** Redis for probes, nonces, jobs and the Debezium streams. {@code engine} is "valkey" or "redis". */
public record CacheConfig(CacheKind kind, String engine, String nodeType, int nodes) {
}
