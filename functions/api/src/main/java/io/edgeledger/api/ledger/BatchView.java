package io.edgeledger.api.ledger;

import io.edgeledger.ledger.batch.Manifest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The list entry of a batch: enough to pick one, with its mint state. */
final class BatchView {
    private BatchView() {}

    static Map<String, Object> summary(Manifest m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("batch_id", m.batchId());
        view.put("database", m.database());
        view.put("table", m.table());
        view.put("scheme", m.scheme());
        view.put("leaf_scheme", m.leafScheme());
        view.put("root", m.root());
        view.put("leaf_count", m.leafCount());
        view.put("entry_count", m.entryCount());
        view.put("first_timestamp", m.firstTimestampMs() == null ? null : Instant.ofEpochMilli(m.firstTimestampMs()).toString());
        view.put("last_timestamp", m.lastTimestampMs() == null ? null : Instant.ofEpochMilli(m.lastTimestampMs()).toString());
        view.put("sealed_at", m.sealedAt());
        view.put("s3_prefix", m.s3Prefix());
        view.put("mint_status", m.mint() == null ? null : m.mint().status());
        view.put("tx_hash", m.mint() == null ? null : m.mint().txHash());
        return view;
    }
}
