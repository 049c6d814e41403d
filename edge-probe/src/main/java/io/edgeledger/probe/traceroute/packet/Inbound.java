package io.edgeledger.probe.traceroute.packet;

import java.net.InetAddress;

/** A received packet the engine may care about, already validated by {@link PacketParser}. */
public sealed interface Inbound {
    /** Source of the outer packet: the hop that answered. */
    InetAddress from();

    /** ICMP time exceeded or destination unreachable, with what the hop quoted of our probe. */
    record IcmpError(InetAddress from, boolean timeExceeded, Quote quote) implements Inbound {}

    /** ICMP / ICMPv6 echo reply. */
    record EchoReply(InetAddress from, int id, int seq) implements Inbound {}

    /** A TCP segment, e.g. a SYN-ACK, RST or a SACK-carrying duplicate ACK. */
    record Tcp(InetAddress from, int srcPort, int dstPort, long seq, long ack, int flags,
               boolean sackPermitted, long tsValue, long tsEcr, boolean hasTimestamps, long[] sackLeftEdges)
            implements Inbound {
        public boolean has(int flag) {
            return (flags & flag) == flag;
        }
    }
}
