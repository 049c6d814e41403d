package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paris mode and MDA (issue 17) on a real 4-way ECMP hop: Linux multipath routes hashing on ports
 * ({@code fib_multipath_hash_policy=1}), built by {@code traceroute/ecmp-lab.sh} in namespaces of this
 * test's own. nft counters on the balancing router show which branches a trace's probes took.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipathNamespaceTest {
    private static final List<String> BRANCHES_V4 = List.of("198.18.11.2", "198.18.12.2", "198.18.13.2", "198.18.14.2");
    private static final List<String> BRANCHES_V6 =
            List.of("2001:db8:0:11::2", "2001:db8:0:12::2", "2001:db8:0:13::2", "2001:db8:0:14::2");

    private final String prefix = "mda" + ProcessHandle.current().pid() % 10000;
    private String script;

    @BeforeAll
    void up() throws Exception {
        NetLab.assumeRoot();
        script = CleanChainNamespaceTest.resource("ecmp-lab.sh");
        NetLab.Result r = NetLab.run(prefix, List.of("bash", script, "up"), 120);
        assertThat(r.code()).as(r.err() + r.out()).isZero();
    }

    @AfterAll
    void down() throws Exception {
        if (script != null) {
            NetLab.run(prefix, List.of("bash", script, "down"), 120);
        }
    }

    static String dst(int family) {
        return family == 4 ? "198.18.30.2" : "2001:db8:0:30::2";
    }

    static List<String> branches(int family) {
        return family == 4 ? BRANCHES_V4 : BRANCHES_V6;
    }

    static String r1(int family) {
        return family == 4 ? "198.18.0.2" : "2001:db8::2";
    }

    static String r2(int family) {
        return family == 4 ? "198.18.21.2" : "2001:db8:0:21::2";
    }

    /** Packets the balancing router forwarded to dst per branch (b1..b4) so far. */
    private Map<String, Long> counters() throws Exception {
        NetLab.Result r = NetLab.run(prefix, List.of("bash", script, "counters"), 30);
        assertThat(r.code()).as(r.err()).isZero();
        String[] f = r.out().trim().split("\\s+");
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < f.length; i += 2) {
            out.put(f[i], Long.parseLong(f[i + 1]));
        }
        return out;
    }

    private NetLab.Result edgeProbe(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-src"));
        cmd.addAll(NetLab.javaCommand());
        cmd.addAll(List.of(args));
        return NetLab.run(prefix, cmd, 120);
    }

    @ParameterizedTest(name = "{0} over IPv{1}")
    @CsvSource({"udp, 4", "udp, 6", "tcp, 4", "tcp, 6"})
    void parisRunKeepsOneBranch(String proto, int family) throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Long> before = counters();
            NetLab.Result r = edgeProbe("traceroute", "--paris", "--format", "json", "--wait", NetLab.EVERY_HOP_WAIT,
                    "-P", proto, "-p", proto.equals("tcp") ? "80" : "33434", "-q", "1", "-Q", "0", "-m", "6",
                    "--timeout", "3000", dst(family));
            assertThat(r.code()).as(r.err()).isZero();
            Map<String, Long> after = counters();
            List<String> used = new ArrayList<>();
            after.forEach((branch, n) -> {
                if (n > before.get(branch)) {
                    used.add(branch);
                }
            });
            assertThat(used).as("branches the run's probes took: " + before + " -> " + after).hasSize(1);
            JsonNode hops = r.json().path("traceroute").path("runs").get(0).path("hops");
            int branch = Integer.parseInt(used.get(0).substring(1));
            List<String> expected = List.of(r1(family), branches(family).get(branch - 1), r2(family), dst(family));
            PathAssertions.assertPath(r.json().path("traceroute").path("runs").get(0), expected, proto + " v" + family);
            seen.add(hops.get(1).path("ip_address").asText());
        }
        assertThat(seen).isSubsetOf(branches(family));
    }

    @ParameterizedTest(name = "{0} over IPv{1}")
    @CsvSource({"udp, 4", "udp, 6", "tcp, 4", "tcp, 6"})
    void mdaFindsAllFourBranches(String proto, int family) throws Exception {
        Map<String, Long> before = counters();
        NetLab.Result r = null;
        // MDA stops at 95 % confidence by design: a trace may miss a branch (the stopping rule bounds that by 5 %
        // per hop; its flows differ per run). Up to three traces, so a correct MDA fails this ~never; one that always
        // stops early fails all three. (Seen here: about 1 trace in 10 misses a branch: see the session note.)
        for (int attempt = 1; attempt <= 3; attempt++) {
            r = edgeProbe("traceroute", "--multipath", "--format", "json", "-P", proto,
                    "-p", proto.equals("tcp") ? "80" : "33434", "-q", "1", "-Q", "0", "-m", "8", "--timeout", "3000",
                    dst(family));
            assertThat(r.code()).as(r.err()).isZero();
            if (strings(r.json().path("multipath").path("hops").path(1).path("interfaces")).size() == 4) {
                break;
            }
        }
        JsonNode mp = r.json().path("multipath");
        String context = proto + " v" + family + ": " + mp;
        assertThat(mp.path("confidence").asDouble()).isEqualTo(95.0);
        JsonNode hops = mp.path("hops");
        assertThat(hops.size()).as(context).isEqualTo(4);
        assertThat(strings(hops.get(0).path("interfaces"))).as(context).containsExactly(r1(family));
        assertThat(strings(hops.get(1).path("interfaces"))).as(context)
                .containsExactlyInAnyOrderElementsOf(branches(family));
        assertThat(strings(hops.get(2).path("interfaces"))).as(context).containsExactly(r2(family));
        assertThat(strings(hops.get(3).path("interfaces"))).as(context).containsExactly(dst(family));
        assertThat(hops.get(3).path("destination").asBoolean()).isTrue();
        Set<String> links = new HashSet<>();
        for (JsonNode l : mp.path("links")) {
            links.add(l.path("ttl").asInt() + " " + l.path("from").asText() + ">" + l.path("to").asText());
        }
        for (String b : branches(family)) {
            assertThat(links).as(context).contains("1 " + r1(family) + ">" + b, "2 " + b + ">" + r2(family));
        }
        // n_5 = 21 probes at the balanced hop rule out a fifth branch at 95 %
        assertThat(hops.get(1).path("probes").asInt()).isGreaterThanOrEqualTo(21);
        Map<String, Long> after = counters();
        after.forEach((branch, n) -> assertThat(n).as(branch + " carried probes").isGreaterThan(before.get(branch)));
        // the upstream section is still there, a Paris run
        assertThat(r.json().path("traceroute").path("runs").size()).isEqualTo(1);
    }

    /** The wire contract's options (TracerouteSpec) through {@code edge-probe serve}: MDA asked for in the query. */
    @org.junit.jupiter.api.Test
    void theHttpServerRunsMdaAskedForInTheQuery() throws Exception {
        String addr = "127.0.0.1:3766";
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-src"));
        cmd.addAll(NetLab.javaCommand());
        cmd.addAll(List.of("serve", "--addr", addr, "--max-concurrent", "1"));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (curl(addr, "/health").code() != 0) {
                assertThat(System.nanoTime()).as("the server never answered /health").isLessThan(deadline);
                assertThat(server.isAlive()).as("the server exited").isTrue();
                Thread.sleep(50);
            }
            NetLab.Result refused = curl(addr, "/traceroute?target=" + dst(4) + "&confidence=90");
            assertThat(refused.out()).contains("\"code\":\"bad_request\"", "confidence applies to multipath only")
                    .endsWith("\n400");
            String out = null;
            JsonNode mp = null;
            for (int attempt = 1; attempt <= 3; attempt++) { // 90 %: a trace may miss a branch by design (see above)
                NetLab.Result r = curl(addr, "/traceroute?target=" + dst(4) + "&protocol=udp&multipath&confidence=90"
                        + "&traceroute-queries=1&e2e-queries=0&max-ttl=8&timeout=3000");
                out = r.out();
                assertThat(out).as(r.err()).endsWith("\n200");
                mp = NetLab.JSON.readTree(out.substring(0, out.lastIndexOf('\n'))).path("multipath");
                if (strings(mp.path("hops").path(1).path("interfaces")).size() == 4) {
                    break;
                }
            }
            assertThat(mp.path("confidence").asDouble()).as(out).isEqualTo(90.0);
            JsonNode hops = mp.path("hops");
            assertThat(hops.size()).as(out).isEqualTo(4);
            assertThat(strings(hops.get(1).path("interfaces"))).as(out).containsExactlyInAnyOrderElementsOf(branches(4));
            assertThat(hops.get(3).path("destination").asBoolean()).as(out).isTrue();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** curl inside the source namespace; out = "BODY\nSTATUS". */
    private NetLab.Result curl(String addr, String pathAndQuery) throws Exception {
        return NetLab.run(prefix, List.of("ip", "netns", "exec", prefix + "-src", "curl", "-s", "-w", "\n%{http_code}",
                "http://" + addr + pathAndQuery), 120);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
