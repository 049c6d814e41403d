package io.edgeledger.probe.traceroute.vnet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** What a simulated router or host reads of a packet we sent: IP header fields and the transport header. */
public record ProbeView(byte[] packet, int ttl, InetAddress src, InetAddress dst, int protocol, int transport) {
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMPV6 = 58;

    /** Our probes carry no IP options or IPv6 extension headers: the transport header follows the fixed one. */
    static ProbeView of(byte[] p) {
        boolean v6 = (p[0] & 0xf0) == 0x60;
        if (v6) {
            return new ProbeView(p, p[7] & 0xff, addr(p, 8, 16), addr(p, 24, 16), p[6] & 0xff, 40);
        }
        return new ProbeView(p, p[8] & 0xff, addr(p, 12, 4), addr(p, 16, 4), p[9] & 0xff, (p[0] & 0x0f) * 4);
    }

    boolean v6() {
        return src.getAddress().length == 16;
    }

    /**
     * What a per-flow load balancer hashes: addresses, protocol and the first four transport bytes (the
     * ports for UDP and TCP; type, code and checksum for ICMP, as the routers Paris traceroute met do).
     */
    public byte[] flowKey() {
        byte[] s = src.getAddress();
        byte[] d = dst.getAddress();
        byte[] key = new byte[s.length + d.length + 5];
        System.arraycopy(s, 0, key, 0, s.length);
        System.arraycopy(d, 0, key, s.length, d.length);
        key[s.length + d.length] = (byte) protocol;
        System.arraycopy(packet, transport, key, s.length + d.length + 1, 4);
        return key;
    }

    public int ipId() {
        return v6() ? -1 : u16(4);
    }

    public int srcPort() {
        return u16(transport);
    }

    public int dstPort() {
        return u16(transport + 2);
    }

    public long tcpSeq() {
        return u32(transport + 4);
    }

    public long tcpAck() {
        return u32(transport + 8);
    }

    public int tcpFlags() {
        return packet[transport + 13] & 0xff;
    }

    public int tcpPayloadLength() {
        return packet.length - transport - ((packet[transport + 12] & 0xf0) >>> 2);
    }

    public int icmpType() {
        return packet[transport] & 0xff;
    }

    public int icmpId() {
        return u16(transport + 4);
    }

    public int icmpSeq() {
        return u16(transport + 6);
    }

    private int u16(int i) {
        return ((packet[i] & 0xff) << 8) | (packet[i + 1] & 0xff);
    }

    private long u32(int i) {
        return ((long) u16(i) << 16) | u16(i + 2);
    }

    private static InetAddress addr(byte[] p, int off, int len) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(p, off, off + len));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
