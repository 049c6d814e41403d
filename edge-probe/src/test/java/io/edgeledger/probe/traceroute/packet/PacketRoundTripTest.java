package io.edgeledger.probe.traceroute.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.Property;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Build, then parse: for every packet kind the parser reads (IPv4 / IPv6; ICMP and ICMPv6 time exceeded
 * and unreachable quoting a UDP, TCP or echo probe; echo reply; TCP SYN-ACK / RST with MSS, SACK-permitted,
 * timestamps and SACK blocks), with random field values, the parser gives back exactly the fields built,
 * also when the packet arrives in an Ethernet frame.
 */
class PacketRoundTripTest {
    private static final int TRIALS = 20_000;

    @Test
    void icmpErrorsGiveBackTheQuotedProbesFields() {
        Property.forAll(TRIALS, r -> {
            boolean v6 = r.nextBoolean();
            InetAddress me = address(r, v6);
            InetAddress dst = address(r, v6);
            InetAddress hop = address(r, v6);
            int ttl = r.nextInt(1, 256);
            int ipId = r.nextInt(0x10000);
            boolean timeExceeded = r.nextBoolean();
            int srcPort = r.nextInt(1, 0x10000);
            int dstPort = r.nextInt(1, 0x10000);
            byte[] payload = bytes(r, r.nextInt(0, 24));
            Quote want;
            byte[] transport;
            int proto;
            switch (r.nextInt(3)) {
                case 0 -> {
                    proto = IpProto.UDP;
                    transport = Packets.udp(me.getAddress(), dst.getAddress(), srcPort, dstPort, payload);
                    want = new Quote(me, dst, proto, v6 ? -1 : ipId, srcPort, dstPort, transport.length,
                            Packets.udpChecksum(transport), -1, -1, -1, -1);
                }
                case 1 -> {
                    proto = IpProto.TCP;
                    long seq = r.nextLong(1L << 32);
                    transport = Packets.tcp(me.getAddress(), dst.getAddress(), srcPort, dstPort, seq, 0, TcpFlags.SYN,
                            r.nextInt(0x10000), new byte[0], new byte[0]);
                    want = new Quote(me, dst, proto, v6 ? -1 : ipId, srcPort, dstPort, -1, -1, seq, -1, -1, -1);
                }
                default -> {
                    proto = v6 ? IpProto.ICMPV6 : IpProto.ICMP;
                    int id = r.nextInt(0x10000);
                    int seq = r.nextInt(0x10000);
                    transport = Packets.echoRequest(me.getAddress(), dst.getAddress(), id, seq, payload);
                    want = new Quote(me, dst, proto, v6 ? -1 : ipId, -1, -1, -1, -1, -1, v6 ? 128 : 8, id, seq);
                }
            }
            byte[] probe = Packets.ip(me.getAddress(), dst.getAddress(), proto, ttl, ipId, transport);
            byte[] reply = Replies.icmpError(hop, me, probe, timeExceeded);
            Inbound.IcmpError want0 = new Inbound.IcmpError(hop, timeExceeded, want);
            assertThat(parse(r, reply)).isEqualTo(want0);
            // routers may quote only the IP header and 8 transport bytes (RFC 792): the same fields come back
            int header = v6 ? 40 : 20;
            byte[] shortQuote = java.util.Arrays.copyOf(probe, header + 8);
            assertThat(parse(r, Replies.icmpError(hop, me, shortQuote, timeExceeded))).isEqualTo(want0);
        });
    }

    @Test
    void echoRepliesGiveBackIdAndSequence() {
        Property.forAll(TRIALS, r -> {
            boolean v6 = r.nextBoolean();
            InetAddress dst = address(r, v6);
            InetAddress me = address(r, v6);
            int id = r.nextInt(0x10000);
            int seq = r.nextInt(0x10000);
            assertThat(parse(r, Replies.echoReply(dst, me, id, seq))).isEqualTo(new Inbound.EchoReply(dst, id, seq));
        });
    }

    @Test
    void tcpSegmentsGiveBackPortsSequenceFlagsAndOptions() {
        Property.forAll(TRIALS, r -> {
            boolean v6 = r.nextBoolean();
            InetAddress dst = address(r, v6);
            InetAddress me = address(r, v6);
            int srcPort = r.nextInt(1, 0x10000);
            int dstPort = r.nextInt(1, 0x10000);
            long seq = r.nextLong(1L << 32);
            long ack = r.nextLong(1L << 32);
            int flags = switch (r.nextInt(3)) {
                case 0 -> TcpFlags.SYN | TcpFlags.ACK;
                case 1 -> TcpFlags.RST | TcpFlags.ACK;
                default -> TcpFlags.ACK;
            };
            ByteArrayOutputStream options = new ByteArrayOutputStream();
            if (r.nextBoolean()) {
                options.writeBytes(new byte[] {2, 4, 5, (byte) 0xb4}); // MSS, read past
            }
            boolean sackOk = r.nextBoolean();
            if (sackOk) {
                options.writeBytes(new byte[] {4, 2});
            }
            boolean ts = r.nextBoolean();
            long tsVal = ts ? r.nextLong(1L << 32) : 0;
            long tsEcr = ts ? r.nextLong(1L << 32) : 0;
            if (ts) {
                byte[] o = new byte[10];
                o[0] = 8;
                o[1] = 10;
                Bytes.put32(o, 2, tsVal);
                Bytes.put32(o, 6, tsEcr);
                options.writeBytes(o);
            }
            long[] edges = new long[r.nextInt(0, (40 - options.size() - 2) / 8 + 1)]; // options fit in 40 bytes
            if (edges.length > 0) {
                byte[] o = new byte[2 + 8 * edges.length];
                o[0] = 5;
                o[1] = (byte) o.length;
                for (int i = 0; i < edges.length; i++) {
                    edges[i] = r.nextLong(1L << 32);
                    Bytes.put32(o, 2 + 8 * i, edges[i]);
                    Bytes.put32(o, 6 + 8 * i, (edges[i] + 1) & 0xffffffffL);
                }
                options.writeBytes(o);
            }
            byte[] packet = Replies.tcp(dst, me, srcPort, dstPort, seq, ack, flags, options.toByteArray());
            Inbound.Tcp got = (Inbound.Tcp) parse(r, packet);
            assertThat(got).isNotNull();
            assertThat(got.from()).isEqualTo(dst);
            assertThat(new long[] {got.srcPort(), got.dstPort(), got.seq(), got.ack(), got.flags()})
                    .containsExactly(srcPort, dstPort, seq, ack, flags);
            assertThat(got.sackPermitted()).isEqualTo(sackOk);
            assertThat(got.hasTimestamps()).isEqualTo(ts);
            assertThat(new long[] {got.tsValue(), got.tsEcr()}).containsExactly(tsVal, tsEcr);
            assertThat(got.sackLeftEdges()).containsExactly(edges);
        });
    }

    /** Parses the packet as captured: either bare (DLT_RAW) or in an Ethernet frame. */
    private static Inbound parse(SplittableRandom r, byte[] ip) {
        if (r.nextBoolean()) {
            return PacketParser.parse(ip, 0, ip.length);
        }
        byte[] frame = Replies.ethernet(ip);
        int off = LinkLayer.ipOffset(LinkLayer.DLT_EN10MB, frame);
        return PacketParser.parse(frame, off, frame.length - off);
    }

    private static InetAddress address(SplittableRandom r, boolean v6) {
        try {
            return InetAddress.getByAddress(bytes(r, v6 ? 16 : 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
