package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The node accepted the request but did not finish waiting ({@code TIMEOUT_ERROR}); the transaction may still land. */
public final class RpcTimeoutException extends NearRpcException {
    public RpcTimeoutException(String message, JsonNode data) {
        super(message, "TIMEOUT_ERROR", data);
    }

    @Override
    public boolean outcomeUnknown() {
        return true;
    }
}
