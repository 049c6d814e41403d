package io.edgeledger.probe.traceroute;

/** A traceroute could not be carried out; the message says why in terms a user can act on. */
public class TracerouteException extends Exception {
    public TracerouteException(String message) {
        super(message);
    }

    public TracerouteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The host name did not resolve (to an address of the wanted family). CLI exit code 3. */
    public static final class Resolution extends TracerouteException {
        public Resolution(String message) {
            super(message);
        }
    }
}
