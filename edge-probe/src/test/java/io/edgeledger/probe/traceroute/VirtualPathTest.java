package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.probe.traceroute.engine.AdaptiveWait;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.probe.traceroute.vnet.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole engine (runs, adaptive wait, matching, end-to-end probe, the protocols' BPF filters and
 * fallbacks) over a virtual network of simulated routers: every protocol and TCP method, IPv4 and
 * IPv6, clean, silent, rate-limited, firewalled and multi-homed paths. No root, no namespaces.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VirtualPathTest {
    static final String EVERY_METHOD = """
            udp | syn | 4
            udp | syn | 6
            icmp | syn | 4
            icmp | syn | 6
            tcp | syn | 4
            tcp | syn | 6
            tcp | sack | 4
            tcp | sack | 6
            tcp | prefer_sack | 4
            tcp | prefer_sack | 6
            """;

    record Probe(String proto, String method, int family) {
        boolean v6() {
            return family == 6;
        }

        String label() {
            return proto + "/" + method + "/v" + family;
        }
    }

    static TracerouteParams params(VirtualNetwork net, Probe p, int queries, int e2e, int maxTtl, int timeoutMs,
                                   Boolean parallel, AdaptiveWait wait) {
        return new TracerouteParams(net.destination().address(p.v6()), Protocol.parse(p.proto()),
                p.proto().equals("tcp") ? 80 : 33434, queries, maxTtl, timeoutMs, TcpMethod.parse(p.method()), e2e,
                p.v6(), false, false, false, parallel, wait, 0, 0, List.of());
    }

    static TracerouteResult trace(VirtualNetwork net, Probe p, int queries, int e2e, int maxTtl, int timeoutMs)
            throws Exception {
        return TracerouteEngine.run(params(net, p, queries, e2e, maxTtl, timeoutMs, null, AdaptiveWait.DEFAULT), net);
    }

    static VirtualNetwork chain() {
        VirtualNetwork net = VirtualNetwork.chain(3);
        net.destination().listen(80);
        return net;
    }

    /** The routers of {@link #chain()}, then silence up to max TTL: what a firewalled destination shows. */
    static List<String> firewalledPath(VirtualNetwork net, boolean v6, int maxTtl) {
        List<String> expected = new ArrayList<>(net.path(v6).subList(0, 3));
        while (expected.size() < maxTtl) {
            expected.add(null);
        }
        return expected;
    }

    /** Every TTL shows exactly the expected hop (null = silent); the last one is the destination when reached. */
    static void assertHops(TracerouteRun run, List<String> expected, boolean reachesDestination, String context) {
        List<Hop> hops = run.hops();
        assertThat(hops).as(context + ": " + hops).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Hop h = hops.get(i);
            assertThat(h.ttl()).isEqualTo(i + 1);
            String want = expected.get(i);
            if (want == null) {
                assertThat(h.ip()).as(context + ": TTL " + (i + 1) + " should be silent").isNull();
                assertThat(h.reachable()).isFalse();
            } else {
                assertThat(h.ip()).as(context + ": TTL " + (i + 1)).isNotNull();
                assertThat(h.ip().getHostAddress()).as(context + ": TTL " + (i + 1)).isEqualTo(want);
                assertThat(h.reachable()).isTrue();
            }
        }
        assertThat(run.reachedDestination()).as(context + " reached").isEqualTo(reachesDestination);
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = EVERY_METHOD)
    void cleanPathWithDelaysEveryRunAndTheEndToEndProbe(String proto, String method, int family) throws Exception {
        Probe p = new Probe(proto, method, family);
        try (VirtualNetwork net = chain()) {
            net.router(1).delayMillis(5);
            net.destination().delayMillis(8);
            TracerouteResult r = trace(net, p, 2, 3, 8, 1000);
            assertThat(r.runs()).hasSize(2);
            for (TracerouteRun run : r.runs()) {
                assertHops(run, net.path(p.v6()), true, p.label());
                assertThat(run.hops().get(0).rttMillis()).as("the router's own delay").isGreaterThanOrEqualTo(5.0);
                assertThat(run.hops().get(3).rttMillis()).as("the destination's delay").isGreaterThanOrEqualTo(8.0);
            }
            assertThat(r.e2eProbe().packetsSent()).isEqualTo(3);
            assertThat(r.e2eProbe().packetsReceived()).isEqualTo(3);
            assertThat(r.e2eProbe().rtts()).allSatisfy(rtt -> assertThat(rtt).isGreaterThanOrEqualTo(8.0));
        }
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = EVERY_METHOD)
    void silentHopIsUnreachableAndTheTraceGoesOn(String proto, String method, int family) throws Exception {
        Probe p = new Probe(proto, method, family);
        try (VirtualNetwork net = chain()) {
            net.router(2).silent();
            TracerouteResult r = trace(net, p, 1, 0, 8, 300);
            List<String> expected = net.path(p.v6());
            assertThat(expected.get(1)).isNull();
            assertHops(r.runs().get(0), expected, true, p.label());
        }
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = EVERY_METHOD)
    void rateLimitedRouterAnswersOneOfThreeConcurrentRunsAndOnlyThatRunShowsIt(String proto, String method, int family)
            throws Exception {
        Probe p = new Probe(proto, method, family);
        try (VirtualNetwork net = chain()) {
            net.router(2).rateLimited(1, 600_000);
            TracerouteResult r = trace(net, p, 3, 0, 8, 300);
            List<String> withHop = net.path(p.v6());
            List<String> withoutHop = new ArrayList<>(withHop);
            withoutHop.set(1, null);
            int sawHop = 0;
            for (TracerouteRun run : r.runs()) {
                boolean answered = run.hops().get(1).ip() != null;
                sawHop += answered ? 1 : 0;
                assertHops(run, answered ? withHop : withoutHop, true, p.label());
            }
            // one answer, credited to exactly the run whose probe it quotes
            assertThat(sawHop).as(p.label()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = EVERY_METHOD)
    void multiHomedRouterShowsTheInterfaceItAnsweredFrom(String proto, String method, int family) throws Exception {
        Probe p = new Probe(proto, method, family);
        try (VirtualNetwork net = chain()) {
            net.router(2).answersFrom("198.18.22.1", "2001:db8:0:22::1");
            TracerouteResult r = trace(net, p, 2, 0, 8, 1000);
            List<String> expected = net.path(p.v6());
            assertThat(expected.get(1)).isEqualTo(p.v6() ? "2001:db8:0:22:0:0:0:1" : "198.18.22.1");
            for (TracerouteRun run : r.runs()) {
                assertHops(run, expected, true, p.label());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = """
            udp | syn | 4
            udp | syn | 6
            icmp | syn | 4
            icmp | syn | 6
            tcp | syn | 4
            tcp | syn | 6
            tcp | prefer_sack | 4
            tcp | prefer_sack | 6
            """)
    void firewalledDestinationEndsAtMaxTtlWithTheRoutersAnswered(String proto, String method, int family)
            throws Exception {
        Probe p = new Probe(proto, method, family);
        try (VirtualNetwork net = chain()) {
            net.destination().firewalled();
            int maxTtl = 6;
            TracerouteResult r = trace(net, p, 1, 3, maxTtl, 200);
            List<String> expected = firewalledPath(net, p.v6(), maxTtl);
            assertHops(r.runs().get(0), expected, false, p.label());
            assertThat(r.hopCount().max()).isEqualTo(3);
            assertThat(r.e2eProbe().packetsSent()).isEqualTo(3);
            assertThat(r.e2eProbe().packetsReceived()).isZero();
            assertThat(r.e2eProbe().packetLossPercentage()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @CsvSource({"4", "6"})
    void sackToAFirewalledDestinationFailsWithAMessage(int family) {
        try (VirtualNetwork net = chain()) {
            net.destination().firewalled();
            Probe p = new Probe("tcp", "sack", family);
            assertThatThrownBy(() -> trace(net, p, 1, 0, 6, 200)).isInstanceOf(TracerouteException.class)
                    .hasMessageContaining("SACK").hasMessageContaining("port 80");
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @CsvSource({"4", "6"})
    void sackWithoutSackPermittedFailsAndPreferSackFallsBackToSyn(int family) throws Exception {
        try (VirtualNetwork net = chain()) {
            net.destination().withoutSack();
            assertThatThrownBy(() -> trace(net, new Probe("tcp", "sack", family), 1, 0, 8, 500))
                    .isInstanceOf(TracerouteException.class).hasMessageContaining("SACK not supported");
            TracerouteResult r = trace(net, new Probe("tcp", "prefer_sack", family), 1, 0, 8, 500);
            assertHops(r.runs().get(0), net.path(family == 6), true, "prefer_sack without SACK");
            // the SYN fallback sent SYNs with TTLs, beside the one connection attempt at TTL 64
            assertThat(net.sent()).anyMatch(s -> s.ttl() == 1);
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @CsvSource({"4", "6"})
    void preferSackFallsBackToSynWhenTheDestinationResetsTheConnection(int family) throws Exception {
        try (VirtualNetwork net = chain()) {
            net.destination().closesConnectionsAtOnce();
            TracerouteResult r = trace(net, new Probe("tcp", "prefer_sack", family), 1, 0, 8, 500);
            assertHops(r.runs().get(0), net.path(family == 6), true, "prefer_sack after a reset");
        }
    }

    @Test
    void sackAgainstAClosedPortFailsWithAMessage() {
        try (VirtualNetwork net = VirtualNetwork.chain(3)) {
            assertThatThrownBy(() -> trace(net, new Probe("tcp", "sack", 4), 1, 0, 8, 500))
                    .isInstanceOf(TracerouteException.class).hasMessageContaining("SACK").hasMessageContaining("port 80");
        }
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = """
            udp | syn | 4
            icmp | syn | 6
            tcp | sack | 4
            """)
    void adaptiveWaitGivesUpOnASilentHopLongBeforeTheTimeout(String proto, String method, int family)
            throws Exception {
        // a 10-minute timeout: only the adaptive wait (NEAR x the farther hops' RTT) lets this finish
        Probe p = new Probe(proto, method, family);
        try (VirtualNetwork net = chain()) {
            net.router(2).silent();
            TracerouteResult r = TracerouteEngine.run(params(net, p, 1, 0, 8, 600_000, true, AdaptiveWait.DEFAULT), net);
            assertHops(r.runs().get(0), net.path(p.v6()), true, p.label());
        }
    }
}
