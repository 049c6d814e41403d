package io.edgeledger.probe.traceroute.tcp;

/** The destination cannot be SACK-traced: no connection, or no SACK-permitted in its SYN-ACK. */
public final class SackNotSupportedException extends Exception {
    public SackNotSupportedException(String message) {
        super(message);
    }
}
