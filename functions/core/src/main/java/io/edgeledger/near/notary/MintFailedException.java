package io.edgeledger.near.notary;

/** The mint cannot complete: the contract rejected it, or the retry budget ran out. The message says what to do. */
public class MintFailedException extends RuntimeException {
    public MintFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public MintFailedException(String message) {
        super(message);
    }
}
