package io.edgeledger.probe.traceroute.engine;

/** A protocol cannot trace this target (e.g. no SACK); the message says why in terms a user can act on. */
public class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message);
    }
}
