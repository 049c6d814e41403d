package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The node rejected the transaction before executing it ({@code INVALID_TRANSACTION}); nothing was applied. */
public class InvalidTransactionException extends NearRpcException {
    public InvalidTransactionException(String message, JsonNode data) {
        super(message, "INVALID_TRANSACTION", data);
    }
}
