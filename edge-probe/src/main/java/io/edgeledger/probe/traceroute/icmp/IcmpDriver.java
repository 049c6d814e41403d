package io.edgeledger.probe.traceroute.icmp;

import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.packet.Checksum;
import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.Packets;
import io.edgeledger.probe.traceroute.packet.Quote;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ICMP / ICMPv6 echo probes matched as upstream: echo identifier per run, sequence = key (the TTL). In
 * Paris mode (and multipath discovery) two payload bytes keep the checksum constant within a flow
 * ({@code 0x4000 + flow}) whatever the sequence: per-flow load balancers hash the first transport
 * bytes, which for ICMP are type, code and checksum.
 */
public final class IcmpDriver implements ProbeDriver {
    private static final AtomicInteger NEXT_ID = new AtomicInteger((int) (System.nanoTime() & 0xffff));

    private final InetAddress source;
    private final InetAddress target;
    private final int echoId;
    private final boolean v6;
    private final int maxKey;
    private final boolean paris;
    static final int PARIS_CHECKSUM_BASE = 0x4000;

    public IcmpDriver(InetAddress source, InetAddress target, int maxKey) {
        this(source, target, maxKey, false);
    }

    public IcmpDriver(InetAddress source, InetAddress target, int maxKey, boolean paris) {
        this.paris = paris;
        this.source = source;
        this.target = target;
        this.echoId = NEXT_ID.getAndIncrement() & 0xffff;
        this.v6 = target.getAddress().length == 16;
        this.maxKey = maxKey;
    }

    @Override
    public byte[] packet(int key, int ttl) {
        return paris ? packet(key, ttl, 0) : ip(key, ttl, Packets.echoRequest(source.getAddress(),
                target.getAddress(), echoId, key, new byte[8]));
    }

    @Override
    public byte[] packet(int key, int ttl, int flow) {
        if (!paris) {
            return ProbeDriver.super.packet(key, ttl, flow);
        }
        byte[] payload = new byte[8];
        byte[] src = source.getAddress();
        byte[] dst = target.getAddress();
        int current = checksum(Packets.echoRequest(src, dst, echoId, key, payload));
        int w = Checksum.compensation(current, PARIS_CHECKSUM_BASE + flow);
        payload[0] = (byte) (w >>> 8);
        payload[1] = (byte) w;
        return ip(key, ttl, Packets.echoRequest(src, dst, echoId, key, payload));
    }

    private static int checksum(byte[] echo) {
        return ((echo[2] & 0xff) << 8) | (echo[3] & 0xff);
    }

    private byte[] ip(int key, int ttl, byte[] echo) {
        return Packets.ip(source.getAddress(), target.getAddress(), v6 ? IpProto.ICMPV6 : IpProto.ICMP, ttl,
                (echoId + key) & 0xffff, echo);
    }

    @Override
    public Answer match(Inbound in) {
        if (in instanceof Inbound.EchoReply r) {
            if (r.id() != echoId || !target.equals(r.from()) || r.seq() < 1 || r.seq() > maxKey) {
                return null;
            }
            return new Answer(r.seq(), r.from(), true);
        }
        if (in instanceof Inbound.IcmpError e) {
            Quote q = e.quote();
            int requestType = v6 ? 128 : 8;
            if ((q.protocol() != IpProto.ICMP && q.protocol() != IpProto.ICMPV6) || q.icmpType() != requestType
                    || q.icmpId() != echoId || !target.equals(q.dst()) || q.icmpSeq() < 1 || q.icmpSeq() > maxKey) {
                return null;
            }
            return new Answer(q.icmpSeq(), e.from(), target.equals(e.from()));
        }
        return null;
    }

    @Override
    public int sourcePort() {
        return 0;
    }
}
