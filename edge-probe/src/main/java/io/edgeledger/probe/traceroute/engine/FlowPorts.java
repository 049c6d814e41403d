package io.edgeledger.probe.traceroute.engine;

/** Ports of the flows a multipath trace varies: the base port plus the flow number, kept in 1024..65535. */
public final class FlowPorts {
    private FlowPorts() {}

    public static int port(int base, int flow) {
        int p = base + flow;
        return p <= 65535 ? p : 1024 + (p - 65536) % (65536 - 1024);
    }
}
