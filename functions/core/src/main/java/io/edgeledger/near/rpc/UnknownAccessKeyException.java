package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The account has no such access key (or the account does not exist): check --account and the key file. */
public final class UnknownAccessKeyException extends NearRpcException {
    public UnknownAccessKeyException(String message, JsonNode data) {
        super(message, "UNKNOWN_ACCESS_KEY", data);
    }
}
