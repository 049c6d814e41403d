package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The node does not know this transaction hash (not received, or not yet processed). */
public final class UnknownTransactionException extends NearRpcException {
    public UnknownTransactionException(String message, JsonNode data) {
        super(message, "UNKNOWN_TRANSACTION", data);
    }
}
