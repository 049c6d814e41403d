package io.edgeledger.local.lambda;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One event handed to a function and the outcome the runtime reports for it. */
public final class Invocation {
    private final String requestId = UUID.randomUUID().toString();
    private final byte[] payload;
    private final long deadlineEpochMs;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

    Invocation(byte[] payload, long deadlineEpochMs) {
        this.payload = payload;
        this.deadlineEpochMs = deadlineEpochMs;
    }

    public String requestId() {
        return requestId;
    }

    byte[] payload() {
        return payload;
    }

    long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }
}
