package io.edgeledger.ledger.legacy;

/**
 * One entry of {@code batch-data.json} → {@code transactions}: the agent's metadata and the etrap-v1 leaf hash
 * of the row it hashed (the row itself is not stored anywhere).
 */
public record LegacyTransaction(int leafIndex, String transactionId, long timestampMs, String operation, String database,
        String table, String leafHash, Long lsn, Long transactionDbId) {}
