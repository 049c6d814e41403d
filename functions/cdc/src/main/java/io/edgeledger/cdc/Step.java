package io.edgeledger.cdc;

/**
 * The points in the batcher and minter between which a crash leaves a distinct state behind. The
 * crash-injection test stops the process at each one and checks that a rerun repairs it.
 */
public enum Step {
    /** Entries delivered to us (pending), nothing sealed yet. */
    AFTER_READ,
    /** Batch objects put in S3, the manifest (written last) not yet. */
    AFTER_S3_PUT,
    /** Every object written (the server verified each checksum), the entries not yet acknowledged. */
    BEFORE_ACK,
    /** Entries acknowledged, the batch not yet queued for minting. */
    AFTER_ACK_BEFORE_QUEUE,
    /** The mint transaction is being sent: it may or may not reach the chain. */
    DURING_MINT,
    /** The token is minted, the manifest does not say so yet. */
    AFTER_MINT_BEFORE_MANIFEST
}
