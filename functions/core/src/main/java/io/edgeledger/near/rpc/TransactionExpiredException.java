package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The transaction's block hash is too old (or unknown to the node): sign again over a fresh final block. */
public final class TransactionExpiredException extends InvalidTransactionException {
    public TransactionExpiredException(JsonNode data) {
        super("transaction expired: its block hash is too old for the node; sign again with a recent block hash", data);
    }
}
