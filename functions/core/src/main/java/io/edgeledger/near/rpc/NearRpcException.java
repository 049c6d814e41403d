package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error answer from a NEAR RPC node (or no usable answer). Subclasses name the kinds a client acts on;
 * {@link #outcomeUnknown()} says whether a transaction we sent may or may not have been applied.
 */
public class NearRpcException extends RuntimeException {
    private final String causeName;
    private final transient JsonNode data;

    public NearRpcException(String message, String causeName, JsonNode data) {
        super(message);
        this.causeName = causeName;
        this.data = data;
    }

    public NearRpcException(String message, Throwable cause) {
        super(message, cause);
        this.causeName = null;
        this.data = null;
    }

    /** {@code error.cause.name}, e.g. INVALID_TRANSACTION, TIMEOUT_ERROR, UNKNOWN_TRANSACTION; null for transport errors. */
    public String causeName() {
        return causeName;
    }

    /** {@code error.data} as the node sent it, for diagnostics. */
    public JsonNode data() {
        return data;
    }

    /** True when a sent transaction may have been applied even though we got no result. */
    public boolean outcomeUnknown() {
        return false;
    }
}
