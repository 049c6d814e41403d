package io.edgeledger.cdc.batcher;

/** A run could not seal everything it read; the entries stay pending and the next run retries them. */
public final class BatcherException extends RuntimeException {
    public BatcherException(String message, Throwable cause) {
        super(message, cause);
    }
}
