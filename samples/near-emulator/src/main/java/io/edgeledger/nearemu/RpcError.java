package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON-RPC error answer in nearcore's shape: {@code {name, cause{name, info}, code, message, data}}. */
final class RpcError extends RuntimeException {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    final ObjectNode error;

    private RpcError(ObjectNode error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    static RpcError of(String name, String causeName, ObjectNode info, int code, String message, JsonNode data) {
        ObjectNode error = F.objectNode();
        error.put("name", name);
        ObjectNode cause = error.putObject("cause");
        cause.set("info", info == null ? F.objectNode() : info);
        cause.put("name", causeName);
        error.put("code", code);
        error.put("message", message);
        error.set("data", data);
        return new RpcError(error);
    }

    /** INVALID_TRANSACTION with the reason in data.TxExecutionError.InvalidTxError and an empty cause.info. */
    static RpcError invalidTx(JsonNode reason) {
        ObjectNode data = F.objectNode();
        data.putObject("TxExecutionError").set("InvalidTxError", reason);
        return of("HANDLER_ERROR", "INVALID_TRANSACTION", null, -32000, "Server error", data);
    }

    static RpcError invalidTx(String reason) {
        return invalidTx(F.textNode(reason));
    }

    static RpcError timeout() {
        return of("HANDLER_ERROR", "TIMEOUT_ERROR", null, -32000, "Server error", F.textNode("Timeout"));
    }

    static RpcError unknownTransaction(String hash) {
        ObjectNode info = F.objectNode().put("requested_transaction_hash", hash);
        return of("HANDLER_ERROR", "UNKNOWN_TRANSACTION", info, -32000, "Server error",
                F.textNode("Transaction " + hash + " doesn't exist"));
    }

    static RpcError unknownBlock(String reference) {
        return of("HANDLER_ERROR", "UNKNOWN_BLOCK", null, -32000, "Server error",
                F.textNode("DB Not Found Error: BLOCK: " + reference));
    }

    static RpcError unknownAccount(String account, Block at) {
        ObjectNode info = F.objectNode().put("requested_account_id", account)
                .put("block_height", at.height()).put("block_hash", at.hashBase58());
        return of("HANDLER_ERROR", "UNKNOWN_ACCOUNT", info, -32000, "Server error",
                F.textNode("account " + account + " does not exist while viewing"));
    }

    static RpcError contractExecution(String vmError, Block at) {
        ObjectNode info = F.objectNode().put("vm_error", vmError).put("block_height", at.height()).put("block_hash", at.hashBase58());
        return of("HANDLER_ERROR", "CONTRACT_EXECUTION_ERROR", info, -32000, "Server error",
                F.textNode("Function call returned an error: " + vmError));
    }

    static RpcError badRequest(String message) {
        ObjectNode info = F.objectNode().put("error_message", message);
        return of("REQUEST_VALIDATION_ERROR", "PARSE_ERROR", info, -32700, "Parse error", F.textNode(message));
    }

    static RpcError methodNotFound(String method) {
        ObjectNode info = F.objectNode().put("method_name", method);
        return of("REQUEST_VALIDATION_ERROR", "METHOD_NOT_FOUND", info, -32601, "Method not found", F.textNode(method));
    }
}
