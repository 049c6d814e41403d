package io.edgeledger.probe.traceroute.engine;

/** A local port held for the lifetime of a run, so no other socket takes it while we probe from it. */
public interface PortLease extends AutoCloseable {
    int port();

    @Override
    void close();

    /** A port nothing needs to hold (tests, and networks without a kernel of their own). */
    static PortLease fixed(int port) {
        return new PortLease() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {}
        };
    }
}
