package io.edgeledger.ledger.batch;

/** A stored batch object is missing, unreadable, or does not match its manifest / recomputed root. */
public final class BatchFormatException extends RuntimeException {
    public BatchFormatException(String message) {
        super(message);
    }

    public BatchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
