package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** Maps a JSON-RPC {@code error} object (nearcore's serialisation) to the typed exception a caller acts on. */
final class RpcErrors {
    private RpcErrors() {}

    static NearRpcException classify(String method, JsonNode error) {
        String cause = error.path("cause").path("name").asText("");
        JsonNode data = error.get("data");
        JsonNode invalidTx = invalidTxError(error);
        if (invalidTx != null) {
            return invalidTransaction(invalidTx, data);
        }
        return switch (cause) {
            case "TIMEOUT_ERROR" -> new RpcTimeoutException("NEAR RPC " + method + " timed out on the node; the transaction may still be applied", data);
            case "UNKNOWN_TRANSACTION" -> new UnknownTransactionException("transaction not known to the node: " + describe(error), data);
            case "UNKNOWN_ACCESS_KEY" -> new UnknownAccessKeyException("access key does not exist: " + describe(error)
                    + " (check the account and key file)", data);
            case "CONTRACT_EXECUTION_ERROR", "NO_CONTRACT_CODE" -> new ContractViewException("contract call failed: " + describe(error), data);
            case "INVALID_TRANSACTION" -> new InvalidTransactionException("transaction rejected: " + describe(error), data);
            default -> new NearRpcException("NEAR RPC " + method + " failed: " + describe(error), cause.isEmpty() ? null : cause, data);
        };
    }

    /** The reason sits in data.TxExecutionError.InvalidTxError (cause.info is empty), sometimes in cause.info. */
    private static JsonNode invalidTxError(JsonNode error) {
        for (JsonNode where : new JsonNode[] {error.path("data"), error.path("cause").path("info")}) {
            JsonNode found = where.path("TxExecutionError").get("InvalidTxError");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static NearRpcException invalidTransaction(JsonNode reason, JsonNode data) {
        if (reason.isTextual()) {
            return switch (reason.asText()) {
                case "Expired" -> new TransactionExpiredException(data);
                case "InvalidSignature" -> new InvalidSignatureException(data);
                default -> new InvalidTransactionException("transaction rejected: " + reason.asText(), data);
            };
        }
        JsonNode nonce = reason.get("InvalidNonce");
        if (nonce != null) {
            return new InvalidNonceException(NearRpcClient.u64(nonce.get("ak_nonce"), "ak_nonce"),
                    NearRpcClient.u64(nonce.get("tx_nonce"), "tx_nonce"), data);
        }
        JsonNode accessKey = reason.get("InvalidAccessKeyError");
        if (accessKey != null) {
            return new UnknownAccessKeyException("transaction rejected, access key problem: " + accessKey, data);
        }
        return new InvalidTransactionException("transaction rejected: " + reason, data);
    }

    private static String describe(JsonNode error) {
        StringBuilder out = new StringBuilder(error.path("name").asText("ERROR"));
        if (error.path("cause").has("name")) {
            out.append('/').append(error.path("cause").path("name").asText());
        }
        JsonNode data = error.get("data");
        if (data != null && !data.isNull()) {
            out.append(": ").append(data.isTextual() ? data.asText() : data.toString());
        } else if (error.has("message")) {
            out.append(": ").append(error.path("message").asText());
        }
        return out.toString();
    }
}
