package io.edgeledger.ledger.store;

/** The object store failed or returned something other than what was written; the message names the object. */
public final class LedgerStoreException extends RuntimeException {
    public LedgerStoreException(String message) {
        super(message);
    }

    public LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
