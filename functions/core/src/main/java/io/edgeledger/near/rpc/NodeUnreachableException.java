package io.edgeledger.near.rpc;

/** No usable answer: connection refused or dropped, client-side timeout, or a body that is not JSON-RPC. */
public final class NodeUnreachableException extends NearRpcException {
    public NodeUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean outcomeUnknown() {
        return true;
    }
}
