package io.edgeledger.probe.traceroute.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.icmp.IcmpDriver;
import io.edgeledger.probe.traceroute.tcp.SynDriver;
import io.edgeledger.probe.traceroute.udp.UdpDriver;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes we build, quoted back by a router or answered by the destination, are matched to the right TTL. */
class PacketParserTest {
    static InetAddress local(int family) throws Exception {
        return InetAddress.getByName(family == 4 ? "127.0.0.1" : "::1");
    }

    static InetAddress target(int family) throws Exception {
        return InetAddress.getByName(family == 4 ? "198.18.5.2" : "2001:db8:0:5::2");
    }

    static InetAddress router(int family) throws Exception {
        return InetAddress.getByName(family == 4 ? "198.18.2.2" : "2001:db8:0:2::2");
    }

    static Inbound parseFrame(byte[] ip) {
        byte[] frame = Replies.ethernet(ip);
        int off = LinkLayer.ipOffset(LinkLayer.DLT_EN10MB, frame);
        return PacketParser.parse(frame, off, frame.length - off);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void udpTimeExceededMatchesTheTtlAndUnreachableFromTheTargetIsTheDestination(int family) throws Exception {
        try (UdpDriver d = new UdpDriver(PortLease.fixed(40001), local(family), target(family), 33434, 30)) {
            for (int ttl = 1; ttl <= 30; ttl++) {
                byte[] probe = d.packet(ttl, ttl);
                ProbeDriver.Answer a = d.match(parseFrame(Replies.icmpError(router(family), local(family), probe, true)));
                assertThat(a).isEqualTo(new ProbeDriver.Answer(ttl, router(family), false));
                ProbeDriver.Answer dst = d.match(parseFrame(Replies.icmpError(target(family), local(family), probe, false)));
                assertThat(dst).isEqualTo(new ProbeDriver.Answer(ttl, target(family), true));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void udpQuotesThatDoNotCarryOurProbeAreIgnored(int family) throws Exception {
        try (UdpDriver d = new UdpDriver(PortLease.fixed(40001), local(family), target(family), 33434, 30);
             UdpDriver other = new UdpDriver(PortLease.fixed(40003), local(family), target(family), 33434, 30)) {
            d.packet(5, 5);
            byte[] foreign = other.packet(5, 5); // another run: different source port
            assertThat(d.match(parseFrame(Replies.icmpError(router(family), local(family), foreign, true)))).isNull();
            byte[] probe = d.packet(6, 6);
            byte[] spoofed = probe.clone();
            spoofed[spoofed.length - 1] ^= 0x55; // payload changed: checksum no longer the one we sent
            fixUdpChecksum(spoofed, family);
            assertThat(d.match(parseFrame(Replies.icmpError(router(family), local(family), spoofed, true)))).isNull();
        }
    }

    private static void fixUdpChecksum(byte[] ipPacket, int family) {
        int h = family == 4 ? 20 : 40;
        byte[] src = java.util.Arrays.copyOfRange(ipPacket, family == 4 ? 12 : 8, family == 4 ? 16 : 24);
        byte[] dst = java.util.Arrays.copyOfRange(ipPacket, family == 4 ? 16 : 24, family == 4 ? 20 : 40);
        ipPacket[h + 6] = 0;
        ipPacket[h + 7] = 0;
        Bytes.put16(ipPacket, h + 6, Checksum.transport(src, dst, IpProto.UDP, ipPacket, h, ipPacket.length - h));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void icmpEchoRepliesAndQuotesMatchBySequence(int family) throws Exception {
        IcmpDriver d = new IcmpDriver(local(family), target(family), 30);
        byte[] probe = d.packet(7, 7);
        assertThat(d.match(parseFrame(Replies.icmpError(router(family), local(family), probe, true))))
                .isEqualTo(new ProbeDriver.Answer(7, router(family), false));
        Inbound.IcmpError err = (Inbound.IcmpError) parseFrame(Replies.icmpError(router(family), local(family), probe, true));
        int id = err.quote().icmpId();
        assertThat(d.match(parseFrame(Replies.echoReply(target(family), local(family), id, 9))))
                .isEqualTo(new ProbeDriver.Answer(9, target(family), true));
        assertThat(d.match(parseFrame(Replies.echoReply(target(family), local(family), id ^ 1, 9)))).isNull();
        assertThat(d.match(parseFrame(Replies.echoReply(router(family), local(family), id, 9)))).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void tcpSynMatchesQuotesAndSynAckBySequence(int family) throws Exception {
        try (SynDriver d = new SynDriver(PortLease.fixed(40002), local(family), target(family), 443, 30)) {
            byte[] probe = d.packet(4, 4);
            assertThat(d.match(parseFrame(Replies.icmpError(router(family), local(family), probe, true))))
                    .isEqualTo(new ProbeDriver.Answer(4, router(family), false));
            Inbound.IcmpError err = (Inbound.IcmpError) parseFrame(Replies.icmpError(router(family), local(family), probe, true));
            long seq = err.quote().tcpSeq();
            byte[] synAck = Replies.tcp(target(family), local(family), 443, d.sourcePort(), 12345, seq + 1,
                    TcpFlags.SYN | TcpFlags.ACK, new byte[] {4, 2});
            assertThat(d.match(parseFrame(synAck))).isEqualTo(new ProbeDriver.Answer(4, target(family), true));
            Inbound.Tcp t = (Inbound.Tcp) parseFrame(synAck);
            assertThat(t.sackPermitted()).isTrue();
            byte[] wrongPort = Replies.tcp(target(family), local(family), 444, d.sourcePort(), 1, seq + 1,
                    TcpFlags.SYN | TcpFlags.ACK, new byte[0]);
            assertThat(d.match(parseFrame(wrongPort))).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void tcpOptionsAreReadWithBounds(int family) throws Exception {
        byte[] opts = {1, 1, 8, 10, 0, 0, 0, 7, 0, 0, 0, 9, 1, 1, 5, 18, 0, 0, 0, 100, 0, 0, 0, 101, 0, 0, 0, 50, 0, 0, 0, 51};
        Inbound.Tcp t = (Inbound.Tcp) parseFrame(Replies.tcp(target(family), local(family), 80, 1000, 1, 2, TcpFlags.ACK, opts));
        assertThat(t.hasTimestamps()).isTrue();
        assertThat(t.tsValue()).isEqualTo(7);
        assertThat(t.tsEcr()).isEqualTo(9);
        assertThat(List.of(t.sackLeftEdges()[0], t.sackLeftEdges()[1])).containsExactly(100L, 50L);
        byte[] bad = {5, 40, 0, 0};
        assertThat(parseFrame(Replies.tcp(target(family), local(family), 80, 1000, 1, 2, TcpFlags.ACK, bad))).isNull();
    }
}
