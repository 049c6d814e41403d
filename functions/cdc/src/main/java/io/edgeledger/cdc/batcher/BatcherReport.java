package io.edgeledger.cdc.batcher;

import java.util.List;

/**
 * What one batcher run did (returned by the Lambda handler and printed by the local runner). Seal latency
 * is per batch, from the moment it closed to the moment it was queued for minting
 * (S3 written with verified checksums, entries acked). {@code consumer} is the name it read as.
 */
public record BatcherReport(
        List<String> streams,
        long entriesRead,
        long batchesSealed,
        long leaves,
        long entriesAcked,
        long deadLettered,
        long intentsFinished,
        long intentsDiscarded,
        long reclaimed,
        List<String> batchIds,
        long sealMillisP50,
        long sealMillisP99,
        long durationMillis,
        String consumer) {}
