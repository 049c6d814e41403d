package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.traceroute.engine.AdaptiveWait;
import io.edgeledger.probe.traceroute.multipath.StoppingRule;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.Multipath;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.probe.traceroute.vnet.ProbeView;
import io.edgeledger.probe.traceroute.vnet.VirtualNetwork;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paris mode and multipath discovery (issue 17) over virtual networks whose routers balance per flow
 * (a hash of addresses, protocol and the first four transport bytes): Paris runs never draw a link
 * that does not exist, classic ICMP does; MDA finds every interface and link of 2-way, 4-way, nested
 * and unequal diamonds, for UDP, ICMP and TCP, IPv4 and IPv6, and reports what it cost.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultipathVirtualTest {
    static final String PROTOCOLS = """
            udp | 4
            udp | 6
            icmp | 4
            icmp | 6
            tcp | 4
            tcp | 6
            """;

    /** a -> b1, b2; b1 -> c1 only, b2 -> c2 only; both -> d: a path through b1 and c2 does not exist. */
    static VirtualNetwork twoDisjointBranches() {
        VirtualNetwork net = VirtualNetwork.balanced(List.of(List.of("a"), List.of("b1", "b2"), List.of("c1", "c2"),
                List.of("d")));
        net.link("b1", "c1").link("b2", "c2");
        net.destination().listen(80);
        return net;
    }

    static TracerouteParams params(VirtualNetwork net, String proto, int family, int queries) {
        // a 500 ms floor: with a dozen concurrent runs on a loaded machine no hop is given up on early
        return VirtualPathTest.params(net, new VirtualPathTest.Probe(proto, "syn", family), queries, 0, 10, 2000,
                null, AdaptiveWait.parse(NetLab.EVERY_HOP_WAIT));
    }

    @ParameterizedTest(name = "{0} over IPv{1}")
    @CsvSource(delimiter = '|', textBlock = PROTOCOLS)
    void parisRunsKeepOneFlowAndDrawOnlyLinksThatExist(String proto, int family) throws Exception {
        try (VirtualNetwork net = twoDisjointBranches()) {
            TracerouteResult r = TracerouteEngine.run(params(net, proto, family, 12).withParis(true), net);
            boolean v6 = family == 6;
            for (TracerouteRun run : r.runs()) {
                assertThat(run.reachedDestination()).as(run.hops().toString()).isTrue();
                assertThat(falseLinks(net, run, v6)).as("links drawn by a Paris run " + run.hops()).isEmpty();
            }
            // every probe of a run carried the same flow identifier, so each run is one branch
            Map<Object, Set<String>> flowsPerRun = new HashMap<>();
            for (ProbeView p : net.sent()) {
                Object run = proto.equals("icmp") ? p.icmpId() : p.srcPort();
                flowsPerRun.computeIfAbsent(run, k -> new HashSet<>()).add(java.util.HexFormat.of().formatHex(p.flowKey()));
            }
            assertThat(flowsPerRun).hasSize(12);
            assertThat(flowsPerRun.values()).allSatisfy(flows -> assertThat(flows).hasSize(1));
        }
    }

    /** Without --paris the ICMP checksum follows the sequence, so the balancer splits one run: the vnet does balance. */
    @Test
    void classicIcmpRunsCrossBranchesAndDrawLinksThatDoNotExist() throws Exception {
        try (VirtualNetwork net = twoDisjointBranches()) {
            TracerouteResult r = TracerouteEngine.run(params(net, "icmp", 4, 20), net);
            int falseLinks = 0;
            for (TracerouteRun run : r.runs()) {
                falseLinks += falseLinks(net, run, false).size();
            }
            assertThat(falseLinks).as("20 classic runs over two branches").isPositive();
        }
    }

    /** Consecutive hops of a run that are not a link of {@link #twoDisjointBranches()}. */
    private static List<String> falseLinks(VirtualNetwork net, TracerouteRun run, boolean v6) {
        Set<String> links = Set.of(
                net.named("b1").shownAs(v6) + ">" + net.named("c1").shownAs(v6),
                net.named("b2").shownAs(v6) + ">" + net.named("c2").shownAs(v6));
        List<String> out = new ArrayList<>();
        List<Hop> hops = run.hops();
        assertThat(hops.get(1).ip()).as("TTL 2 of " + hops).isNotNull();
        assertThat(hops.get(2).ip()).as("TTL 3 of " + hops).isNotNull();
        String b = hops.get(1).ip().getHostAddress();
        String c = hops.get(2).ip().getHostAddress();
        if (!links.contains(b + ">" + c)) {
            out.add(b + ">" + c);
        }
        return out;
    }

    record Topology(String name, List<List<String>> layers, Map<String, List<String>> links) {
        VirtualNetwork build() {
            VirtualNetwork net = VirtualNetwork.balanced(layers);
            links.forEach((from, to) -> net.link(from, to.toArray(String[]::new)));
            net.destination().listen(80);
            return net;
        }

        /** Every link a → b of consecutive layers, as the topology has them. */
        Set<String> expectedLinks(VirtualNetwork net, boolean v6) {
            Set<String> out = new LinkedHashSet<>();
            for (int t = 0; t + 1 < layers.size(); t++) {
                for (String from : layers.get(t)) {
                    for (String to : links.getOrDefault(from, layers.get(t + 1))) {
                        out.add((t + 1) + " " + net.named(from).shownAs(v6) + ">" + net.named(to).shownAs(v6));
                    }
                }
            }
            return out;
        }
    }

    static Topology topology(String name) {
        return switch (name) {
            case "2-way" -> new Topology(name, List.of(List.of("a"), List.of("b1", "b2"), List.of("c")), Map.of());
            case "4-way" -> new Topology(name, List.of(List.of("a"), List.of("b1", "b2", "b3", "b4"), List.of("c")),
                    Map.of());
            case "nested" -> new Topology(name, List.of(List.of("a"), List.of("b1", "b2"),
                    List.of("c1", "c2", "c3", "c4"), List.of("d")),
                    Map.of("b1", List.of("c1", "c2"), "b2", List.of("c3", "c4")));
            // unequal: b1 splits three ways, b2 not at all, so c4 takes half the flows and c1..c3 a sixth each
            case "unequal" -> new Topology(name, List.of(List.of("a"), List.of("b1", "b2"),
                    List.of("c1", "c2", "c3", "c4"), List.of("d")),
                    Map.of("b1", List.of("c1", "c2", "c3"), "b2", List.of("c4")));
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}: {1} over IPv{2}")
    @CsvSource(delimiter = '|', textBlock = """
            2-way | udp | 4
            2-way | icmp | 6
            4-way | udp | 4
            4-way | udp | 6
            4-way | icmp | 4
            4-way | icmp | 6
            4-way | tcp | 4
            4-way | tcp | 6
            nested | udp | 4
            nested | icmp | 6
            nested | tcp | 4
            unequal | udp | 6
            unequal | icmp | 4
            unequal | tcp | 6
            """)
    void mdaFindsEveryInterfaceAndLink(String name, String proto, int family) throws Exception {
        Topology topo = topology(name);
        boolean v6 = family == 6;
        try (VirtualNetwork net = topo.build()) {
            TracerouteResult r = TracerouteEngine.run(params(net, proto, family, 1).withMultipath(95), net);
            Multipath m = r.multipath();
            assertThat(m).isNotNull();
            String context = name + " " + proto + " v" + family + ": " + m;
            for (int t = 1; t <= topo.layers().size(); t++) {
                Set<String> expected = new HashSet<>();
                for (String router : topo.layers().get(t - 1)) {
                    expected.add(net.named(router).shownAs(v6));
                }
                assertThat(addresses(m.interfacesAt(t))).as(context + " TTL " + t).isEqualTo(expected);
            }
            int destinationTtl = topo.layers().size() + 1;
            assertThat(addresses(m.interfacesAt(destinationTtl))).as(context)
                    .containsExactly(net.destination().address(v6));
            assertThat(m.hops()).hasSize(destinationTtl);
            assertThat(m.hops().get(destinationTtl - 1).destination()).isTrue();

            Set<String> links = new LinkedHashSet<>();
            for (Multipath.Link l : m.links()) {
                links.add(l.ttl() + " " + l.from().getHostAddress() + ">" + l.to().getHostAddress());
            }
            Set<String> routerLinks = new LinkedHashSet<>(links);
            routerLinks.removeIf(l -> l.endsWith(">" + net.destination().address(v6)));
            assertThat(routerLinks).as(context).isEqualTo(topo.expectedLinks(net, v6));

            int perHop = m.hops().stream().mapToInt(Multipath.MultipathHop::probes).sum();
            assertThat(m.probesSent()).isEqualTo(perHop);
            assertThat(net.sent().size()).as("the run's probes and MDA's").isGreaterThanOrEqualTo(m.probesSent());
        }
    }

    /** Branches of unequal length: a -> b1 -> c1 -> d and a -> b2 -> d, so d and the destination each show at two TTLs. */
    @ParameterizedTest(name = "{0} over IPv{1}")
    @CsvSource(delimiter = '|', textBlock = PROTOCOLS)
    void mdaFollowsBranchesOfUnequalLength(String proto, int family) throws Exception {
        boolean v6 = family == 6;
        try (VirtualNetwork net = VirtualNetwork.balanced(List.of(List.of("a"), List.of("b1", "b2"), List.of("c1"),
                List.of("d")))) {
            net.link("b2", "d");
            net.destination().listen(80);
            Multipath m = TracerouteEngine.run(params(net, proto, family, 1).withMultipath(95), net).multipath();
            String a = net.named("a").shownAs(v6);
            String b1 = net.named("b1").shownAs(v6);
            String b2 = net.named("b2").shownAs(v6);
            String c1 = net.named("c1").shownAs(v6);
            String d = net.named("d").shownAs(v6);
            String dst = net.destination().address(v6);
            String context = proto + " v" + family + ": " + m;
            assertThat(addresses(m.interfacesAt(1))).as(context).containsExactly(a);
            assertThat(addresses(m.interfacesAt(2))).as(context).containsExactlyInAnyOrder(b1, b2);
            assertThat(addresses(m.interfacesAt(3))).as(context).containsExactlyInAnyOrder(c1, d);
            assertThat(addresses(m.interfacesAt(4))).as(context).containsExactlyInAnyOrder(d, dst);
            assertThat(addresses(m.interfacesAt(5))).as(context).containsExactly(dst);
            assertThat(m.hops()).hasSize(5);
            Set<String> links = new HashSet<>();
            m.links().forEach(l -> links.add(l.ttl() + " " + l.from().getHostAddress() + ">" + l.to().getHostAddress()));
            assertThat(links).as(context).containsExactlyInAnyOrder("1 " + a + ">" + b1, "1 " + a + ">" + b2,
                    "2 " + b1 + ">" + c1, "2 " + b2 + ">" + d, "3 " + c1 + ">" + d, "3 " + d + ">" + dst,
                    "4 " + d + ">" + dst);
        }
    }

    @Test
    void fourWayDiamondCostsAtLeastTheStoppingRuleAtTheBalancedHop() throws Exception {
        try (VirtualNetwork net = topology("4-way").build()) {
            Multipath m = TracerouteEngine.run(params(net, "udp", 4, 1).withMultipath(95), net).multipath();
            // four next hops of a found: n_5 = 21 flows probed at TTL 2; each b then needs n_2 = 6 at TTL 3
            assertThat(m.hops().get(1).probes()).isGreaterThanOrEqualTo(21);
            assertThat(m.hops().get(2).probes()).isGreaterThanOrEqualTo(6);
            Multipath strict = TracerouteEngine.run(params(net, "udp", 4, 1).withMultipath(99), net).multipath();
            assertThat(strict.hops().get(1).probes()).as("99 %: n_5 = 28").isGreaterThanOrEqualTo(28);
        }
    }

    @Test
    void multipathSectionSitsBesideUpstreamFieldsInTheJson() throws Exception {
        try (VirtualNetwork net = topology("2-way").build()) {
            TracerouteResult r = TracerouteEngine.run(params(net, "udp", 4, 2).withMultipath(95), net);
            JsonNode json = NetLab.JSON.readTree(r.toJson());
            assertThat(json.path("traceroute").path("runs").size()).isEqualTo(2);
            assertThat(json.path("traceroute").path("runs").get(0).path("hops").size()).isEqualTo(4);
            assertThat(json.path("e2e_probe").isObject()).isTrue();
            JsonNode mp = json.path("multipath");
            assertThat(mp.path("algorithm").asText()).isEqualTo("mda");
            assertThat(mp.path("confidence").asDouble()).isEqualTo(95.0);
            assertThat(mp.path("probes_sent").asInt()).isEqualTo(r.multipath().probesSent());
            assertThat(mp.path("hops").get(1).path("interfaces").size()).isEqualTo(2);
            assertThat(mp.path("hops").get(1).path("probes").asInt()).isPositive();
            assertThat(mp.path("links").size()).isEqualTo(r.multipath().links().size());
            assertThat(mp.path("links").get(0).path("from").asText()).isEqualTo(net.named("a").shownAs(false));
            assertThat(r.toTable()).contains("multipath (MDA, 95 % confidence)");

            TracerouteResult plain = TracerouteEngine.run(params(net, "udp", 4, 1), net);
            assertThat(NetLab.JSON.readTree(plain.toJson()).has("multipath")).as("absent unless asked for").isFalse();
        }
    }

    @Test
    void silentRouterInsideTheTopologyIsAnAnonymousHopAndDiscoveryGoesOn() throws Exception {
        try (VirtualNetwork net = topology("2-way").build()) {
            net.named("a").silent();
            Multipath m = TracerouteEngine.run(params(net, "udp", 4, 1).withMultipath(95), net).multipath();
            assertThat(m.interfacesAt(1)).isEmpty();
            assertThat(m.hops().get(0).unanswered()).isPositive();
            assertThat(addresses(m.interfacesAt(2))).containsExactlyInAnyOrder(net.named("b1").shownAs(false),
                    net.named("b2").shownAs(false));
        }
    }

    private static Set<String> addresses(List<InetAddress> list) {
        Set<String> out = new HashSet<>();
        list.forEach(a -> out.add(a.getHostAddress()));
        return out;
    }
}
