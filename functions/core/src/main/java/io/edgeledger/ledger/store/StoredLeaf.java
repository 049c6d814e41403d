package io.edgeledger.ledger.store;

/** A leaf as read back from batch-data.json; {@code bytes} are recomputed from the stored leaf document. */
public record StoredLeaf(int index, String entryId, String op, Long timestampMs, String keyJson, byte[] bytes, String hashHex) {
}
