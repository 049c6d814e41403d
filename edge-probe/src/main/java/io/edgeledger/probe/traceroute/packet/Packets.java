package io.edgeledger.probe.traceroute.packet;

/**
 * Builds the probes the engine sends: a full IPv4 or IPv6 packet (header included, for IP_HDRINCL /
 * IPV6_HDRINCL raw sockets) around a UDP, TCP or ICMP echo message with correct checksums.
 */
public final class Packets {
    private Packets() {}

    /** Wraps a transport message in an IP header; the family follows the address length (4 or 16). */
    public static byte[] ip(byte[] src, byte[] dst, int protocol, int ttl, int ipId, byte[] transport) {
        if (src.length == 4) {
            byte[] p = new byte[20 + transport.length];
            p[0] = 0x45;
            Bytes.put16(p, 2, p.length);
            Bytes.put16(p, 4, ipId);
            Bytes.put16(p, 6, 0x4000); // DF, as upstream: keeps the probe whole along the path
            p[8] = (byte) ttl;
            p[9] = (byte) protocol;
            System.arraycopy(src, 0, p, 12, 4);
            System.arraycopy(dst, 0, p, 16, 4);
            Bytes.put16(p, 10, Checksum.of(p, 0, 20));
            System.arraycopy(transport, 0, p, 20, transport.length);
            return p;
        }
        byte[] p = new byte[40 + transport.length];
        p[0] = 0x60;
        Bytes.put16(p, 4, transport.length);
        p[6] = (byte) protocol;
        p[7] = (byte) ttl;
        System.arraycopy(src, 0, p, 8, 16);
        System.arraycopy(dst, 0, p, 24, 16);
        System.arraycopy(transport, 0, p, 40, transport.length);
        return p;
    }

    public static byte[] udp(byte[] src, byte[] dst, int srcPort, int dstPort, byte[] payload) {
        byte[] u = new byte[8 + payload.length];
        Bytes.put16(u, 0, srcPort);
        Bytes.put16(u, 2, dstPort);
        Bytes.put16(u, 4, u.length);
        System.arraycopy(payload, 0, u, 8, payload.length);
        int c = Checksum.transport(src, dst, IpProto.UDP, u, 0, u.length);
        Bytes.put16(u, 6, c == 0 ? 0xffff : c);
        return u;
    }

    /** UDP checksum as written into the segment (needed to match quotes, as upstream does). */
    public static int udpChecksum(byte[] udpSegment) {
        return Bytes.u16(udpSegment, 6);
    }

    public static byte[] tcp(byte[] src, byte[] dst, int srcPort, int dstPort, long seq, long ack, int flags,
                             int window, byte[] options, byte[] payload) {
        int optLen = (options.length + 3) & ~3;
        if (optLen > 40) {
            throw new IllegalArgumentException("TCP options take at most 40 bytes, not " + optLen);
        }
        byte[] t = new byte[20 + optLen + payload.length];
        Bytes.put16(t, 0, srcPort);
        Bytes.put16(t, 2, dstPort);
        Bytes.put32(t, 4, seq);
        Bytes.put32(t, 8, ack);
        t[12] = (byte) (((20 + optLen) / 4) << 4);
        t[13] = (byte) flags;
        Bytes.put16(t, 14, window);
        System.arraycopy(options, 0, t, 20, options.length);
        for (int i = 20 + options.length; i < 20 + optLen; i++) {
            t[i] = 1; // NOP padding
        }
        System.arraycopy(payload, 0, t, 20 + optLen, payload.length);
        Bytes.put16(t, 16, Checksum.transport(src, dst, IpProto.TCP, t, 0, t.length));
        return t;
    }

    /** ICMP (IPv4) or ICMPv6 echo request; ICMPv6 needs the pseudo-header in its checksum. */
    public static byte[] echoRequest(byte[] src, byte[] dst, int id, int seq, byte[] payload) {
        boolean v6 = src.length == 16;
        byte[] m = new byte[8 + payload.length];
        m[0] = (byte) (v6 ? 128 : 8);
        Bytes.put16(m, 4, id);
        Bytes.put16(m, 6, seq);
        System.arraycopy(payload, 0, m, 8, payload.length);
        int c = v6 ? Checksum.transport(src, dst, IpProto.ICMPV6, m, 0, m.length) : Checksum.of(m, 0, m.length);
        Bytes.put16(m, 2, c);
        return m;
    }
}
