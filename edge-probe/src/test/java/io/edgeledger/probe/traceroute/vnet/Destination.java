package io.edgeledger.probe.traceroute.vnet;

import io.edgeledger.probe.traceroute.packet.Replies;
import io.edgeledger.probe.traceroute.packet.TcpFlags;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated destination host: UDP to a closed port draws port unreachable, an echo request an echo
 * reply, a SYN a SYN-ACK on a listening port or a RST elsewhere; out-of-order data on a connection
 * draws a duplicate ACK with SACK blocks (or a RST when the application already closed it). A
 * firewalled destination drops everything.
 */
public final class Destination {
    private final InetAddress v4;
    private final InetAddress v6;
    private final Set<Integer> listening = new HashSet<>();
    private final Map<Integer, Connection> connections = new HashMap<>();
    private boolean firewalled;
    private boolean sackPermitted = true;
    private boolean closesAtOnce;
    private long extraDelayMicros;

    private static final class Connection {
        final long isn;
        final long clientNext;
        final TreeSet<Long> outOfOrder = new TreeSet<>();
        long lastSeq;

        Connection(long isn, long clientNext) {
            this.isn = isn;
            this.clientNext = clientNext;
        }
    }

    Destination(InetAddress v4, InetAddress v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    /** Drops every probe (routers before it still answer). */
    public Destination firewalled() {
        firewalled = true;
        return this;
    }

    public synchronized Destination listen(int tcpPort) {
        listening.add(tcpPort);
        return this;
    }

    /** SYN-ACKs carry no SACK-permitted option. */
    public Destination withoutSack() {
        sackPermitted = false;
        return this;
    }

    /** The application closes each connection at once (as netlab's listener): data draws a RST. */
    public Destination closesConnectionsAtOnce() {
        closesAtOnce = true;
        return this;
    }

    public Destination delayMillis(double millis) {
        extraDelayMicros = (long) (millis * 1000);
        return this;
    }

    public String address(boolean ipv6) {
        return (ipv6 ? v6 : v4).getHostAddress();
    }

    InetAddress address(ProbeView p) {
        return p.v6() ? v6 : v4;
    }

    long extraDelayMicros() {
        return extraDelayMicros;
    }

    /** The reply to a probe that reached this host, or null. */
    synchronized byte[] answer(ProbeView p) {
        if (firewalled) {
            return null;
        }
        InetAddress me = address(p);
        return switch (p.protocol()) {
            case ProbeView.UDP -> Replies.icmpError(me, p.src(), p.packet(), false);
            case ProbeView.ICMP, ProbeView.ICMPV6 -> p.icmpType() == (p.v6() ? 128 : 8)
                    ? Replies.echoReply(me, p.src(), p.icmpId(), p.icmpSeq()) : null;
            case ProbeView.TCP -> tcp(p, me);
            default -> null;
        };
    }

    private byte[] tcp(ProbeView p, InetAddress me) {
        int flags = p.tcpFlags();
        if ((flags & TcpFlags.RST) != 0) {
            return null;
        }
        if ((flags & TcpFlags.SYN) != 0) {
            if (!listening.contains(p.dstPort())) {
                return segment(p, me, 0, p.tcpSeq() + 1, TcpFlags.RST | TcpFlags.ACK, new byte[0]);
            }
            long isn = ThreadLocalRandom.current().nextInt() & 0xffffffffL;
            connections.put(p.srcPort(), new Connection(isn, (p.tcpSeq() + 1) & 0xffffffffL));
            return segment(p, me, isn, p.tcpSeq() + 1, TcpFlags.SYN | TcpFlags.ACK, synAckOptions());
        }
        Connection c = connections.get(p.srcPort());
        if (c == null || !listening.contains(p.dstPort())) {
            return segment(p, me, p.tcpAck(), 0, TcpFlags.RST, new byte[0]);
        }
        if (p.tcpPayloadLength() == 0) {
            return null; // the handshake's last ACK
        }
        if (closesAtOnce) {
            connections.remove(p.srcPort());
            return segment(p, me, c.isn + 1, 0, TcpFlags.RST, new byte[0]);
        }
        if (p.tcpSeq() == c.clientNext) {
            return null; // in order: a real stack would ACK; SACK traceroute never sends this
        }
        c.outOfOrder.add(p.tcpSeq());
        c.lastSeq = p.tcpSeq();
        return segment(p, me, c.isn + 1, c.clientNext, TcpFlags.ACK, sackOption(c));
    }

    private byte[] segment(ProbeView p, InetAddress me, long seq, long ack, int flags, byte[] options) {
        return Replies.tcp(me, p.src(), p.dstPort(), p.srcPort(), seq & 0xffffffffL, ack & 0xffffffffL, flags,
                options);
    }

    private byte[] synAckOptions() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {2, 4, 0x05, (byte) 0xb4});
        if (sackPermitted) {
            o.writeBytes(new byte[] {1, 1, 4, 2});
        }
        o.writeBytes(new byte[] {1, 1, 8, 10, 0, 0, 0, 7, 0, 0, 0, 0});
        return o.toByteArray();
    }

    /** One block per run of contiguous 1-byte segments, the block holding the latest segment first (RFC 2018). */
    private static byte[] sackOption(Connection c) {
        List<long[]> blocks = new ArrayList<>();
        long[] current = null;
        for (long s : c.outOfOrder) {
            if (current != null && current[1] == s) {
                current[1] = s + 1;
            } else {
                current = new long[] {s, s + 1};
                blocks.add(current);
            }
        }
        blocks.sort((a, b) -> Boolean.compare(b[0] <= c.lastSeq && c.lastSeq < b[1], a[0] <= c.lastSeq && c.lastSeq < a[1]));
        int n = Math.min(3, blocks.size());
        byte[] o = new byte[2 + 2 + 8 * n];
        o[0] = 1;
        o[1] = 1;
        o[2] = 5;
        o[3] = (byte) (2 + 8 * n);
        for (int i = 0; i < n; i++) {
            put32(o, 4 + 8 * i, blocks.get(i)[0]);
            put32(o, 8 + 8 * i, blocks.get(i)[1]);
        }
        return o;
    }

    private static void put32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }
}
