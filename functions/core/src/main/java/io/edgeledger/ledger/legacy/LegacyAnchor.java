package io.edgeledger.ledger.legacy;

/**
 * {@code batch-data.json} → {@code verification.anchoring_data}: what the agent recorded of its mint (it minted
 * before it stored). The token id is the batch id; the chain, not this record, says what root was notarized.
 */
public record LegacyAnchor(String txHash, String blockHeight) {
    /** NEAR transaction hashes are base58 of 32 bytes (43-44 characters); anything else is a stand-in. */
    public boolean txHashLooksReal() {
        return txHash != null && txHash.matches("[1-9A-HJ-NP-Za-km-z]{43,44}");
    }
}
