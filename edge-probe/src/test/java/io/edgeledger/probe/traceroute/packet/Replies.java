package io.edgeledger.probe.traceroute.packet;

import java.net.InetAddress;

/** Builds what routers and destinations send back, for parser and matcher tests. */
public final class Replies {
    private Replies() {}

    /** ICMP(v6) error from {@code router} to {@code to}, quoting {@code probe} (a full IP packet). */
    public static byte[] icmpError(InetAddress router, InetAddress to, byte[] probe, boolean timeExceeded) {
        boolean v6 = to.getAddress().length == 16;
        byte[] m = new byte[8 + probe.length];
        m[0] = (byte) (v6 ? (timeExceeded ? 3 : 1) : (timeExceeded ? 11 : 3));
        m[1] = (byte) (timeExceeded ? 0 : (v6 ? 4 : 3));
        System.arraycopy(probe, 0, m, 8, probe.length);
        int c = v6 ? Checksum.transport(router.getAddress(), to.getAddress(), IpProto.ICMPV6, m, 0, m.length)
                : Checksum.of(m, 0, m.length);
        Bytes.put16(m, 2, c);
        return Packets.ip(router.getAddress(), to.getAddress(), v6 ? IpProto.ICMPV6 : IpProto.ICMP, 64, 0, m);
    }

    public static byte[] echoReply(InetAddress from, InetAddress to, int id, int seq) {
        boolean v6 = to.getAddress().length == 16;
        byte[] m = Packets.echoRequest(from.getAddress(), to.getAddress(), id, seq, new byte[8]);
        m[0] = (byte) (v6 ? 129 : 0);
        return Packets.ip(from.getAddress(), to.getAddress(), v6 ? IpProto.ICMPV6 : IpProto.ICMP, 64, 0, m);
    }

    public static byte[] tcp(InetAddress from, InetAddress to, int srcPort, int dstPort, long seq, long ack, int flags,
                      byte[] options) {
        byte[] t = Packets.tcp(from.getAddress(), to.getAddress(), srcPort, dstPort, seq, ack, flags, 1000, options,
                new byte[0]);
        return Packets.ip(from.getAddress(), to.getAddress(), IpProto.TCP, 64, 0, t);
    }

    /** Prepends an Ethernet header, as a capture on a veth delivers frames. */
    public static byte[] ethernet(byte[] ip) {
        byte[] f = new byte[14 + ip.length];
        boolean v6 = (ip[0] & 0xf0) == 0x60;
        f[12] = (byte) (v6 ? 0x86 : 0x08);
        f[13] = (byte) (v6 ? 0xdd : 0x00);
        System.arraycopy(ip, 0, f, 14, ip.length);
        return f;
    }
}
