package io.edgeledger.cdc.minter;

/** A batch could not be notarized this time; it stays queued and is retried after a back-off. */
public final class MintException extends RuntimeException {
    public MintException(String message) {
        super(message);
    }
}
