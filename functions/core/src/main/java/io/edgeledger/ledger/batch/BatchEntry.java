package io.edgeledger.ledger.batch;

import io.edgeledger.ledger.leaf.LeafOutcome;

/** One stream entry going into a batch: its Redis Stream id ({@code ms-seq}) and what it yields. */
public record BatchEntry(String entryId, LeafOutcome outcome) {
    public BatchEntry {
        EntryIds.millis(entryId); // validates
        if (outcome == null) {
            throw new IllegalArgumentException("entry " + entryId + " has no outcome");
        }
    }
}
