package io.edgeledger.probe.traceroute.tcp;

import io.edgeledger.probe.traceroute.engine.LeasedPortDriver;
import io.edgeledger.probe.traceroute.engine.TcpConnection;
import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.Packets;
import io.edgeledger.probe.traceroute.packet.Quote;
import io.edgeledger.probe.traceroute.packet.TcpFlags;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SACK traceroute as upstream: the kernel makes a real connection, the capture reads the SYN-ACK
 * (our ISN, theirs, SACK-permitted, timestamps), then each probe is a 1-byte PSH|ACK at
 * {@code ISN + 1 + key}, leaving a hole at ISN + 1. Routers quote the sequence in their time-exceeded;
 * the destination answers out-of-order data with a duplicate ACK whose lowest SACK left edge names the
 * lowest TTL that reached it.
 */
public final class SackDriver extends LeasedPortDriver {
    private final int maxKey;
    private final TcpConnection socket;
    private final CountDownLatch handshake = new CountDownLatch(1);
    private volatile State state;
    private volatile boolean resetByPeer;
    private volatile Runnable onReset = () -> {};

    private record State(long localInitSeq, long localInitAck, boolean sackPermitted, boolean hasTs, long tsValue,
                         long tsEcr) {}

    /** Probes inside {@code connection} (bound, not yet connected), which the driver closes. */
    public SackDriver(TcpConnection connection, InetAddress source, InetAddress target, int port, int maxKey) {
        super(connection, source, target, port);
        this.maxKey = maxKey;
        this.socket = connection;
    }

    /** Connects through the kernel; the session's capture must already be running to see the SYN-ACK. */
    public void connect(long timeoutMillis) throws SackNotSupportedException, InterruptedException {
        try {
            socket.connect(target, port, (int) Math.max(1, timeoutMillis));
        } catch (IOException e) {
            throw new SackNotSupportedException("cannot connect to " + target.getHostAddress() + " port " + port
                    + " for a SACK traceroute: " + e.getMessage());
        }
        if (!handshake.await(Math.min(500, Math.max(100, timeoutMillis)), TimeUnit.MILLISECONDS)) {
            throw new SackNotSupportedException("the SYN-ACK of the SACK connection was not captured");
        }
        if (!state.sackPermitted()) {
            throw new SackNotSupportedException("SACK not supported by " + target.getHostAddress()
                    + " (no SACK-permitted option in its SYN-ACK)");
        }
    }

    @Override
    public byte[] packet(int key, int ttl) {
        State s = state;
        byte[] options = new byte[0];
        if (s.hasTs()) {
            options = new byte[12];
            options[0] = 1;
            options[1] = 1;
            options[2] = 8;
            options[3] = 10;
            put32(options, 4, s.tsValue() + key);
            put32(options, 8, s.tsEcr());
        }
        byte[] tcp = Packets.tcp(source.getAddress(), target.getAddress(), srcPort, port,
                (s.localInitSeq() + key) & 0xffffffffL, s.localInitAck(), TcpFlags.PSH | TcpFlags.ACK, 1024,
                options, new byte[] {(byte) key});
        return Packets.ip(source.getAddress(), target.getAddress(), IpProto.TCP, ttl, 41821, tcp);
    }

    private static void put32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    @Override
    public Answer match(Inbound in) {
        if (in instanceof Inbound.Tcp t) {
            if (!target.equals(t.from()) || t.srcPort() != port || t.dstPort() != srcPort) {
                return null;
            }
            State s = state;
            if (s == null) {
                if (t.has(TcpFlags.SYN | TcpFlags.ACK)) {
                    state = new State(t.ack(), (t.seq() + 1) & 0xffffffffL, t.sackPermitted(), t.hasTimestamps(),
                            (t.tsEcr() + 50) & 0xffffffffL, t.tsValue());
                    handshake.countDown();
                }
                return null;
            }
            if (t.has(TcpFlags.RST)) {
                // the destination dropped the connection (e.g. it closed it already): no SACK will come
                resetByPeer = true;
                onReset.run();
                return null;
            }
            if (t.has(TcpFlags.SYN) || t.has(TcpFlags.FIN) || t.sackLeftEdges().length == 0) {
                return null;
            }
            long min = Long.MAX_VALUE;
            for (long edge : t.sackLeftEdges()) {
                min = Math.min(min, (edge - s.localInitSeq()) & 0xffffffffL);
            }
            return min >= 1 && min <= maxKey ? new Answer((int) min, t.from(), true) : null;
        }
        if (in instanceof Inbound.IcmpError e && state != null) {
            Quote q = e.quote();
            if (q.protocol() != IpProto.TCP || !target.equals(q.dst()) || q.dstPort() != port || q.srcPort() != srcPort) {
                return null;
            }
            long key = (q.tcpSeq() - state.localInitSeq()) & 0xffffffffL;
            return key >= 1 && key <= maxKey ? quotedAnswer((int) key, e) : null;
        }
        return null;
    }

    /** True when the destination answered a probe with a RST: the SACK trace cannot see it. */
    public boolean resetByPeer() {
        return resetByPeer;
    }

    /** Called (on the capture thread) when the destination resets the connection. */
    public void onReset(Runnable action) {
        this.onReset = action;
    }
}
