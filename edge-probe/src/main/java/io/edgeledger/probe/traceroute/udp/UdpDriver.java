package io.edgeledger.probe.traceroute.udp;

import io.edgeledger.probe.traceroute.engine.FlowPorts;
import io.edgeledger.probe.traceroute.engine.LeasedPortDriver;
import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.packet.Checksum;
import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.Packets;
import io.edgeledger.probe.traceroute.packet.Quote;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * UDP probes as upstream sends them: a fixed destination port, IPv4 IP ID {@code 41821 + key} (also
 * echoed in the payload), IPv6 payload length {@code 5 + key} since IPv6 has no ID. A reply matches on
 * the quoted destination, ports, ID/length and the UDP checksum we sent.
 *
 * <p>Paris mode (also what multipath discovery uses): the payload length never changes and the UDP
 * checksum itself carries the probe identity ({@code 0x1000 + key}, made so by two payload bytes, as
 * Paris traceroute does), so nothing a per-flow load balancer hashes varies within a flow. Flow
 * {@code f} goes to destination port {@code port + f} (flow 0: the port asked for).
 */
public final class UdpDriver extends LeasedPortDriver {
    public static final int IP_ID_BASE = 41821;
    private static final byte[] MAGIC = "NSMNC".getBytes(StandardCharsets.US_ASCII);

    private final int[] checksums;
    private final int[] dstPorts;
    private final boolean v6;
    private final boolean paris;
    static final int PARIS_CHECKSUM_BASE = 0x1000;

    /** Probes from the reserved source port, which the driver releases when closed. */
    public UdpDriver(PortLease reservation, InetAddress source, InetAddress target, int port, int maxKey) {
        this(reservation, source, target, port, maxKey, false);
    }

    /** {@code paris}: constant flow identifier, identity in the checksum (see the class comment). */
    public UdpDriver(PortLease reservation, InetAddress source, InetAddress target, int port, int maxKey,
                     boolean paris) {
        super(reservation, source, target, port);
        if (paris && maxKey >= 0xffff - PARIS_CHECKSUM_BASE) {
            throw new IllegalArgumentException("at most " + (0xffff - PARIS_CHECKSUM_BASE - 1) + " Paris probes");
        }
        this.checksums = new int[maxKey + 1];
        this.dstPorts = new int[maxKey + 1];
        this.v6 = target.getAddress().length == 16;
        this.paris = paris;
    }

    @Override
    public byte[] packet(int key, int ttl, int flow) {
        if (!paris) {
            return super.packet(key, ttl, flow);
        }
        int dstPort = FlowPorts.port(port, flow);
        int ipId = v6 ? 0 : (IP_ID_BASE + key) & 0xffff;
        byte[] payload = new byte[8];
        System.arraycopy(MAGIC, 0, payload, 0, MAGIC.length);
        byte[] src = source.getAddress();
        byte[] dst = target.getAddress();
        int wanted = PARIS_CHECKSUM_BASE + key;
        int w = Checksum.compensation(Packets.udpChecksum(Packets.udp(src, dst, srcPort, dstPort, payload)), wanted);
        payload[6] = (byte) (w >>> 8);
        payload[7] = (byte) w;
        byte[] udp = Packets.udp(src, dst, srcPort, dstPort, payload);
        synchronized (checksums) {
            checksums[key] = Packets.udpChecksum(udp);
            dstPorts[key] = dstPort;
        }
        return Packets.ip(src, dst, IpProto.UDP, ttl, ipId, udp);
    }

    @Override
    public byte[] packet(int key, int ttl) {
        if (paris) {
            return packet(key, ttl, 0);
        }
        byte[] payload;
        int ipId = 0;
        if (v6) {
            payload = new byte[MAGIC.length + key];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = MAGIC[i % MAGIC.length];
            }
        } else {
            ipId = (IP_ID_BASE + key) & 0xffff;
            payload = new byte[8];
            System.arraycopy(MAGIC, 0, payload, 0, MAGIC.length);
            payload[6] = (byte) (ipId >>> 8);
            payload[7] = (byte) ipId;
        }
        byte[] udp = Packets.udp(source.getAddress(), target.getAddress(), srcPort, port, payload);
        synchronized (checksums) {
            checksums[key] = Packets.udpChecksum(udp);
        }
        return Packets.ip(source.getAddress(), target.getAddress(), IpProto.UDP, ttl, ipId, udp);
    }

    @Override
    public Answer match(Inbound in) {
        if (!(in instanceof Inbound.IcmpError e)) {
            return null;
        }
        Quote q = e.quote();
        if (q.protocol() != IpProto.UDP || !target.equals(q.dst()) || q.srcPort() != srcPort
                || (!paris && q.dstPort() != port)) {
            return null;
        }
        int key = paris ? q.udpChecksum() - PARIS_CHECKSUM_BASE
                : v6 ? q.udpLength() - 8 - MAGIC.length : q.ipId() - IP_ID_BASE;
        if (key < 1 || key >= checksums.length) {
            return null;
        }
        synchronized (checksums) {
            if (checksums[key] == 0 || checksums[key] != q.udpChecksum() || (paris && dstPorts[key] != q.dstPort())) {
                return null;
            }
        }
        return quotedAnswer(key, e);
    }
}
