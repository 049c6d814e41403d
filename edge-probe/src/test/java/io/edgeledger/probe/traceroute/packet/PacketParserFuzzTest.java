package io.edgeledger.probe.traceroute.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.icmp.IcmpDriver;
import io.edgeledger.probe.traceroute.tcp.SynDriver;
import io.edgeledger.probe.traceroute.udp.UdpDriver;
import io.edgeledger.testing.Property;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The parsers never trust the wire: random bytes, and truncated / bit-flipped versions of real replies,
 * never throw, and a mutated reply is matched only to a TTL we actually probed.
 */
class PacketParserFuzzTest {
    private static final int TRIALS = 100_000;

    @Test
    void randomBytesNeverThrow() {
        Property.forAll(TRIALS, r -> {
            byte[] b = new byte[r.nextInt(0, 160)];
            r.nextBytes(b);
            if (b.length > 0 && r.nextBoolean()) {
                b[0] = (byte) (r.nextBoolean() ? 0x45 : 0x60); // look like IP more often
            }
            int dlt = pick(r, LinkLayer.DLT_EN10MB, LinkLayer.DLT_RAW, LinkLayer.DLT_LINUX_SLL, LinkLayer.DLT_LINUX_SLL2, 999);
            int off = LinkLayer.ipOffset(dlt, b);
            if (off >= 0) {
                PacketParser.parse(b, off, b.length - off);
            }
            PacketParser.parse(b, 0, b.length);
        });
    }

    @Test
    void mutatedRepliesNeverThrowAndOnlyMatchProbesWeSent() throws Exception {
        List<Sample> samples = samples();
        Property.forAll(TRIALS, r -> {
            Sample s = samples.get(r.nextInt(samples.size()));
            byte[] b = s.reply.clone();
            int mutations = r.nextInt(1, 4);
            for (int i = 0; i < mutations; i++) {
                switch (r.nextInt(3)) {
                    case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    case 1 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    default -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                }
                if (b.length == 0) {
                    break;
                }
            }
            Inbound in = PacketParser.parse(b, 0, b.length);
            if (in != null) {
                ProbeDriver.Answer a = s.driver.match(in);
                if (a != null) {
                    assertThat(a.key()).isBetween(1, 8); // only TTLs 1..8 were sent
                }
            }
        });
    }

    private record Sample(ProbeDriver driver, byte[] reply) {}

    private static List<Sample> samples() throws Exception {
        List<Sample> out = new ArrayList<>();
        for (int family : new int[] {4, 6}) {
            InetAddress me = PacketParserTest.local(family);
            InetAddress dst = PacketParserTest.target(family);
            InetAddress hop = PacketParserTest.router(family);
            List<ProbeDriver> drivers = List.of(new UdpDriver(PortLease.fixed(40001), me, dst, 33434, 8), new IcmpDriver(me, dst, 8),
                    new SynDriver(PortLease.fixed(40002), me, dst, 80, 8));
            for (ProbeDriver d : drivers) {
                for (int ttl = 1; ttl <= 8; ttl++) {
                    byte[] probe = d.packet(ttl, ttl);
                    out.add(new Sample(d, Replies.icmpError(hop, me, probe, true)));
                    out.add(new Sample(d, Replies.icmpError(dst, me, probe, false)));
                }
            }
            out.add(new Sample(drivers.get(2), Replies.tcp(dst, me, 80, drivers.get(2).sourcePort(), 5, 6,
                    TcpFlags.SYN | TcpFlags.ACK, new byte[] {2, 4, 5, (byte) 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2})));
            out.add(new Sample(drivers.get(1), Replies.echoReply(dst, me, 1, 3)));
        }
        return out;
    }

    private static int pick(SplittableRandom r, int... values) {
        return values[r.nextInt(values.length)];
    }
}
