package io.edgeledger.probe.traceroute.engine;

import java.net.InetAddress;

/** BPF building blocks the protocols' capture filters share. */
public final class CaptureFilters {
    private CaptureFilters() {}

    /** Packets addressed to us. */
    public static String toUs(InetAddress source) {
        return "dst host " + source.getHostAddress();
    }

    /** Time exceeded and destination unreachable: what routers answer any probe with. */
    public static String icmpErrors(boolean v6) {
        return v6 ? "icmp6" : "(icmp and (icmp[0] == 11 or icmp[0] == 3))";
    }

    /** TCP segments from the target's probed port (SYN-ACK, RST, SACK). */
    public static String tcpFrom(InetAddress target, int port) {
        return "(tcp and src host " + target.getHostAddress() + " and src port " + port + ")";
    }
}
