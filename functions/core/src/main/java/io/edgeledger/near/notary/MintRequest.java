package io.edgeledger.near.notary;

/**
 * A batch to notarize. {@code knownTxHash} is the transaction recorded for an earlier mint of this token (the
 * manifest's mint.tx_hash), used only to report its block when the token already exists.
 */
public record MintRequest(MintBatchArgs args, String knownTxHash) {
    public String tokenId() {
        return args.tokenId();
    }
}
