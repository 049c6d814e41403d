package io.edgeledger.probe.traceroute.engine;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The packet seam: everything a trace needs from the network it runs on. The host implementation
 * ({@code net.HostNetwork}) uses raw sockets, libpcap and the kernel's TCP/UDP stack; tests plug in a
 * virtual network of simulated routers; macOS (BPF) and Windows backends plug in here too.
 */
public interface PacketNetwork {
    /** Source address and capture device the host would use towards the target (no packet is sent). */
    Route route(InetAddress target) throws IOException;

    PacketSink openSink(boolean ipv6) throws IOException;

    /** Inbound packets on the route's device that pass the BPF filter. */
    PacketSource openSource(Route route, String bpfFilter) throws IOException;

    PortLease reserveUdpPort(InetAddress source) throws IOException;

    PortLease reserveTcpPort(InetAddress source) throws IOException;

    /** A TCP socket bound to a local port of the source address, not yet connected. */
    TcpConnection tcpConnection(InetAddress source) throws IOException;
}
