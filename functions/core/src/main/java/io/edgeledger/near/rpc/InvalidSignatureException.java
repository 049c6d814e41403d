package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The signature does not verify with the transaction's public key; retrying the same bytes cannot help. */
public final class InvalidSignatureException extends InvalidTransactionException {
    public InvalidSignatureException(JsonNode data) {
        super("invalid signature: the transaction was not signed by the key it names (check the key file)", data);
    }
}
