package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** A view call failed inside the contract (missing method, panic, no contract at that account). */
public final class ContractViewException extends NearRpcException {
    public ContractViewException(String message, JsonNode data) {
        super(message, "CONTRACT_EXECUTION_ERROR", data);
    }
}
