package io.edgeledger.probe.traceroute.engine;

import java.io.IOException;
import java.net.InetAddress;

/** A real TCP connection made by the network's TCP stack (SACK traceroute probes inside it). */
public interface TcpConnection extends PortLease {
    /** Three-way handshake; the capture must already be listening to see the SYN-ACK. */
    void connect(InetAddress target, int port, int timeoutMillis) throws IOException;
}
