package io.edgeledger.probe.traceroute.engine;

import io.edgeledger.probe.traceroute.packet.Inbound;
import java.net.InetAddress;

/**
 * What the port-based drivers (TCP SYN, SACK, UDP) share: probes from a held local port to one target
 * port, the port given back when the driver closes, and an ICMP error that names the destination when
 * the target itself sent it (port unreachable, or a firewall on the host).
 */
public abstract class LeasedPortDriver implements ProbeDriver {
    protected final InetAddress source;
    protected final InetAddress target;
    /** The target's port. */
    protected final int port;
    /** The held local port probes leave from (flow 0 in multipath runs). */
    protected final int srcPort;
    private final PortLease lease;

    protected LeasedPortDriver(PortLease lease, InetAddress source, InetAddress target, int port) {
        this.lease = lease;
        this.source = source;
        this.target = target;
        this.port = port;
        this.srcPort = lease.port();
    }

    /** The answer to probe {@code key} quoted in {@code error}. */
    protected final Answer quotedAnswer(int key, Inbound.IcmpError error) {
        return new Answer(key, error.from(), target.equals(error.from()));
    }

    @Override
    public final int sourcePort() {
        return srcPort;
    }

    @Override
    public final void close() {
        lease.close();
    }
}
