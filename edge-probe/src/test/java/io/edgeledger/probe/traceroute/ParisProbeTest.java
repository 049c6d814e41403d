package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.icmp.IcmpDriver;
import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.PacketParser;
import io.edgeledger.probe.traceroute.packet.Replies;
import io.edgeledger.probe.traceroute.udp.UdpDriver;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paris probes byte by byte: within a flow nothing a per-flow balancer hashes changes (UDP ports and
 * length, ICMP type/code/checksum) while every probe stays identifiable from a router's quote.
 */
class ParisProbeTest {
    private static final InetAddress ROUTER = ip("198.18.1.1");

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String src(boolean v6) {
        return v6 ? "2001:db8::2" : "198.18.0.2";
    }

    private static String dst(boolean v6) {
        return v6 ? "2001:db8:0:100::2" : "198.18.100.2";
    }

    /** Transport bytes 0..3 (ports, or type/code/checksum) and the IP payload length. */
    private static String flowOf(byte[] p) {
        boolean v6 = (p[0] & 0xf0) == 0x60;
        int t = v6 ? 40 : (p[0] & 0x0f) * 4;
        String len = v6 ? (p[4] & 0xff) + ":" + (p[5] & 0xff) : (p[2] & 0xff) + ":" + (p[3] & 0xff);
        String icmpChecksum = (p[v6 ? 6 : 9] == (v6 ? 58 : 1)) ? ":" + (p[t + 2] & 0xff) + ":" + (p[t + 3] & 0xff) : "";
        return (p[t] & 0xff) + ":" + (p[t + 1] & 0xff) + ":" + (p[t + 2] & 0xff) + ":" + (p[t + 3] & 0xff) + "/" + len
                + icmpChecksum;
    }

    private static ProbeDriver.Answer routerAnswers(ProbeDriver d, byte[] probe, boolean v6) {
        byte[] reply = Replies.icmpError(v6 ? ip("2001:db8:0:1::1") : ROUTER, ip(src(v6)), probe, true);
        Inbound in = PacketParser.parse(reply, 0, reply.length);
        return d.match(in);
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void udpParisKeepsPortsAndLengthAndCarriesTheKeyInTheChecksum(int family) {
        boolean v6 = family == 6;
        UdpDriver d = new UdpDriver(PortLease.fixed(40000), ip(src(v6)), ip(dst(v6)), 33434, 64, true);
        Set<String> flows = new HashSet<>();
        for (int key = 1; key <= 64; key++) {
            byte[] p = d.packet(key, 1 + key % 30);
            flows.add(flowOf(p));
            ProbeDriver.Answer a = routerAnswers(d, p, v6);
            assertThat(a).as("key " + key).isNotNull();
            assertThat(a.key()).isEqualTo(key);
        }
        assertThat(flows).as("one flow for 64 probes").hasSize(1);
        // flow 3 is another destination port, still matched
        byte[] other = d.packet(5, 2, 3);
        assertThat(flowOf(other)).isNotIn(flows);
        assertThat(routerAnswers(d, other, v6).key()).isEqualTo(5);
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void classicUdpOverIpv6VariesTheLengthParisDoesNot(int family) {
        boolean v6 = family == 6;
        UdpDriver classic = new UdpDriver(PortLease.fixed(40000), ip(src(v6)), ip(dst(v6)), 33434, 8, false);
        Set<String> flows = new HashSet<>();
        for (int key = 1; key <= 8; key++) {
            flows.add(flowOf(classic.packet(key, key)));
        }
        assertThat(flows).as("upstream's probes").hasSize(v6 ? 8 : 1);
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void icmpParisKeepsTheChecksumWhateverTheSequence(int family) {
        boolean v6 = family == 6;
        IcmpDriver paris = new IcmpDriver(ip(src(v6)), ip(dst(v6)), 64, true);
        IcmpDriver classic = new IcmpDriver(ip(src(v6)), ip(dst(v6)), 64, false);
        Set<String> parisFlows = new HashSet<>();
        Set<String> classicFlows = new HashSet<>();
        for (int key = 1; key <= 64; key++) {
            byte[] p = paris.packet(key, key % 30 + 1);
            parisFlows.add(flowOf(p));
            assertThat(routerAnswers(paris, p, v6).key()).isEqualTo(key);
            classicFlows.add(flowOf(classic.packet(key, key % 30 + 1)));
        }
        assertThat(parisFlows).hasSize(1);
        assertThat(classicFlows).hasSize(64);
        assertThat(flowOf(paris.packet(1, 1, 7))).as("another flow").isNotIn(parisFlows);
    }
}
