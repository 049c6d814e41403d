package io.edgeledger.local.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What came of an invocation. {@code errorType} is null on success; otherwise the runtime's
 * Lambda-Runtime-Function-Error-Type (e.g. Runtime.UserException) or Lambda's own (Sandbox.Timedout,
 * Runtime.ExitError), and {@code payload} the error document.
 */
public record InvocationResult(String requestId, String errorType, byte[] payload) {
    public boolean ok() {
        return errorType == null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    static InvocationResult failure(String requestId, String errorType, String message) {
        String doc = "{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
        return new InvocationResult(requestId, errorType, doc.getBytes(StandardCharsets.UTF_8));
    }
}
