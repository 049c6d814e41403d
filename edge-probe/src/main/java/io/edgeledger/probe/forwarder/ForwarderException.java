package io.edgeledger.probe.forwarder;

/** A forwarder setup problem the operator must fix (bad URL, unreadable CA bundle, spool dir). */
public final class ForwarderException extends RuntimeException {
    public ForwarderException(String message) {
        super(message);
    }

    public ForwarderException(String message, Throwable cause) {
        super(message, cause);
    }
}
