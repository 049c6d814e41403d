package io.edgeledger.wire;

import java.util.UUID;

/** Batch ids for ingest payloads: random, so two probes never collide and the server can key idempotency on them. */
public final class BatchIds {
    private BatchIds() {}

    public static String newBatchId() {
        return UUID.randomUUID().toString();
    }
}
