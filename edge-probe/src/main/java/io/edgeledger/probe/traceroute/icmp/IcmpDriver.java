package io.edgeledger.probe.traceroute.icmp;

import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.Packets;
import io.edgeledger.probe.traceroute.packet.Quote;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** ICMP / ICMPv6 echo probes matched as upstream: echo identifier per run, sequence = key (the TTL). */
public final class IcmpDriver implements ProbeDriver {
    private static final AtomicInteger NEXT_ID = new AtomicInteger((int) (System.nanoTime() & 0xffff));

    private final InetAddress source;
    private final InetAddress target;
    private final int echoId;
    private final boolean v6;
    private final int maxKey;

    public IcmpDriver(InetAddress source, InetAddress target, int maxKey) {
        this.source = source;
        this.target = target;
        this.echoId = NEXT_ID.getAndIncrement() & 0xffff;
        this.v6 = target.getAddress().length == 16;
        this.maxKey = maxKey;
    }

    @Override
    public byte[] packet(int key, int ttl) {
        byte[] echo = Packets.echoRequest(source.getAddress(), target.getAddress(), echoId, key, new byte[8]);
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

    @Override
    public int destinationPort() {
        return 0;
    }
}
