package io.edgeledger.near.notary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code mintBatch} did. {@code MINTED}: our transaction minted the token (txHash, block set).
 * {@code ALREADY_MINTED}: the token existed before; txHash/block are set only when the caller knew the earlier tx.
 */
public record MintResult(Status status, String tokenId, String txHash, String blockHash, Long blockHeight, JsonNode token) {
    public enum Status { MINTED, ALREADY_MINTED }

    public boolean alreadyMinted() {
        return status == Status.ALREADY_MINTED;
    }
}
