package io.edgeledger.probe.traceroute.tcp;

import io.edgeledger.probe.traceroute.engine.ProbeException;

/** The destination cannot be SACK-traced: no connection, or no SACK-permitted in its SYN-ACK. */
public final class SackNotSupportedException extends ProbeException {
    public SackNotSupportedException(String message) {
        super(message);
    }
}
