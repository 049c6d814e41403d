package io.edgeledger.cdc.batcher;

import java.util.List;

/** What one batcher run did (returned by the Lambda handler and printed by the local runner). */
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
        long durationMillis) {}
