package io.edgeledger.probe.traceroute.tcp;

import io.edgeledger.probe.traceroute.engine.FlowPorts;
import io.edgeledger.probe.traceroute.engine.LeasedPortDriver;
import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.Packets;
import io.edgeledger.probe.traceroute.packet.Quote;
import io.edgeledger.probe.traceroute.packet.TcpFlags;
import java.net.InetAddress;
import java.security.SecureRandom;

/**
 * TCP SYN probes matched by sequence number and IP ID: IPv4 ID = random base + key (as upstream), and
 * the sequence number = random base + key, so a SYN-ACK or RST (ack - 1) and an ICMP quote both name
 * the probe even when probes are in flight in parallel (IPv6 has no ID: the sequence alone does it).
 * Both ports are fixed, so a run is one flow (Paris traceroute's TCP); multipath discovery varies the
 * source port: flow {@code f} leaves from the reserved port + f (not held, only the first is).
 */
public final class SynDriver extends LeasedPortDriver {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MSS_1460 = {2, 4, 0x05, (byte) 0xb4};

    private final long baseSeq;
    private final int baseIpId;
    private final int maxKey;
    private final boolean v6;
    private final int[] srcPorts;

    /** Probes from the reserved source port (held so the kernel gives it to no one else), released on close. */
    public SynDriver(PortLease reservation, InetAddress source, InetAddress target, int port, int maxKey) {
        super(reservation, source, target, port);
        this.baseSeq = RANDOM.nextInt() & 0xffffffffL;
        this.baseIpId = RANDOM.nextInt(0x10000);
        this.maxKey = maxKey;
        this.v6 = target.getAddress().length == 16;
        this.srcPorts = new int[maxKey + 1];
    }

    @Override
    public byte[] packet(int key, int ttl) {
        return packet(key, ttl, 0);
    }

    @Override
    public byte[] packet(int key, int ttl, int flow) {
        int from = FlowPorts.port(srcPort, flow);
        synchronized (srcPorts) {
            srcPorts[key] = from;
        }
        byte[] tcp = Packets.tcp(source.getAddress(), target.getAddress(), from, port,
                (baseSeq + key) & 0xffffffffL, 0, TcpFlags.SYN, 65535, MSS_1460, new byte[0]);
        return Packets.ip(source.getAddress(), target.getAddress(), IpProto.TCP, ttl, ipId(key), tcp);
    }

    private int ipId(int key) {
        return (baseIpId + key) & 0xffff;
    }

    @Override
    public Answer match(Inbound in) {
        if (in instanceof Inbound.Tcp t) {
            if (!target.equals(t.from()) || t.srcPort() != port) {
                return null;
            }
            boolean synAck = t.has(TcpFlags.SYN | TcpFlags.ACK);
            boolean rst = t.has(TcpFlags.RST) && t.has(TcpFlags.ACK);
            if (!synAck && !rst) {
                return null;
            }
            int key = (int) ((t.ack() - 1 - baseSeq) & 0xffffffffL);
            return key >= 1 && key <= maxKey && sentFrom(key, t.dstPort()) ? new Answer(key, t.from(), true) : null;
        }
        if (in instanceof Inbound.IcmpError e) {
            Quote q = e.quote();
            if (q.protocol() != IpProto.TCP || !target.equals(q.dst()) || q.dstPort() != port) {
                return null;
            }
            int key = (int) ((q.tcpSeq() - baseSeq) & 0xffffffffL);
            if (key < 1 || key > maxKey || (!v6 && q.ipId() != ipId(key)) || !sentFrom(key, q.srcPort())) {
                return null;
            }
            return quotedAnswer(key, e);
        }
        return null;
    }

    private boolean sentFrom(int key, int port) {
        synchronized (srcPorts) {
            return srcPorts[key] == port;
        }
    }
}
