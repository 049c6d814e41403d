package io.edgeledger.local.lambda;

/** A function whose execution environment could not start: the message names the function, the cause and the log. */
public final class FunctionStartException extends RuntimeException {
    public FunctionStartException(String message) {
        super(message);
    }
}
