package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every protocol on both IP versions against a clean 3-router chain in real namespaces: the right hop
 * per TTL, the destination reached, concurrent runs, hop_count and the end-to-end probe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanChainNamespaceTest {
    private static final int HOLD_PORT = 8443;
    private NetLab lab;

    @BeforeAll
    void up() throws Exception {
        NetLab.assumeRoot();
        lab = NetLab.up("trc" + ProcessHandle.current().pid() % 10000, "--hops", "3", "--tcp-listen", "80");
        lab.startInDestination("python3", resource("hold-listener.py"), String.valueOf(HOLD_PORT));
        // `ip netns exec` bind-mounts /etc/netns/NS/hosts over /etc/hosts: reverse DNS from files, no DNS traffic
        hostsDir = java.nio.file.Path.of("/etc/netns", lab.prefix + "-src");
        java.nio.file.Files.createDirectories(hostsDir);
        java.nio.file.Files.writeString(hostsDir.resolve("hosts"), "127.0.0.1 localhost\n"
                + lab.path(4).get(0) + " hop-one.lab.test\n" + lab.dst(4) + " destination.lab.test\n");
        lab.awaitListeningInDestination(HOLD_PORT);
    }

    private java.nio.file.Path hostsDir;

    static String resource(String name) throws Exception {
        return java.nio.file.Path.of(CleanChainNamespaceTest.class.getResource("/traceroute/" + name).toURI()).toString();
    }

    @AfterAll
    void down() throws Exception {
        if (hostsDir != null) {
            java.nio.file.Files.deleteIfExists(hostsDir.resolve("hosts"));
            java.nio.file.Files.deleteIfExists(hostsDir);
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void reverseDnsNamesHopsAndTheDestination() throws Exception {
        NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "--reverse-dns", "--wait", NetLab.EVERY_HOP_WAIT, "-q", "1", "-Q", "0",
                "-m", "8", "--timeout", "1000", lab.dst(4));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode run = r.json().path("traceroute").path("runs").get(0);
        assertThat(run.path("hops").get(0).path("reverse_dns").get(0).asText()).isEqualTo("hop-one.lab.test");
        assertThat(run.path("hops").get(1).path("reverse_dns").size()).isZero();
        assertThat(run.path("destination").path("reverse_dns").get(0).asText()).isEqualTo("destination.lab.test");
    }

    @Test
    void unreachablePublicIpEndpointIsReportedNotFatal() throws Exception {
        // an HTTPS endpoint inside the lab with nothing listening: the lookup fails, the trace does not
        NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "--source-public-ip",
                "--public-ip-endpoint", "https://" + lab.dst(4) + ":9/ip", "--wait", NetLab.EVERY_HOP_WAIT, "-q", "1", "-Q", "0", "-m", "8",
                "--timeout", "1000", lab.dst(4));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode source = r.json().path("source");
        assertThat(source.path("public_ip").asText()).isEmpty();
        assertThat(source.path("public_ip_error").asText()).contains(lab.dst(4));
        lab.assertPath(r.json().path("traceroute").path("runs").get(0), lab.path(4), "with public ip", r);
    }

    @ParameterizedTest(name = "{0} {1} over IPv{2}")
    @CsvSource({
        "udp, syn, 4", "udp, syn, 6",
        "icmp, syn, 4", "icmp, syn, 6",
        "tcp, syn, 4", "tcp, syn, 6",
        "tcp, sack, 4", "tcp, sack, 6",
        "tcp, prefer_sack, 4", "tcp, prefer_sack, 6"})
    void everyHopPerTtlAndTheDestination(String proto, String method, int family) throws Exception {
        int port = proto.equals("tcp") ? (method.equals("syn") ? 80 : HOLD_PORT) : 33434;
        NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "-P", proto, "--tcp-method", method,
                "-p", String.valueOf(port), "--wait", NetLab.EVERY_HOP_WAIT, "-q", "2", "-Q", "5", "-m", "8", "--timeout", "1000", lab.dst(family));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.path("protocol").asText()).isEqualTo(proto.toUpperCase());
        assertThat(json.path("destination").path("hostname").asText()).isEqualTo(lab.dst(family));
        JsonNode runs = json.path("traceroute").path("runs");
        assertThat(runs.size()).isEqualTo(2);
        for (JsonNode run : runs) {
            lab.assertPath(run, lab.path(family), proto + "/" + method + "/v" + family, r);
            assertThat(run.path("destination").path("ip_address").asText()).isEqualTo(lab.dst(family));
        }
        assertThat(runs.get(0).path("run_id").asText()).isNotEqualTo(runs.get(1).path("run_id").asText());
        JsonNode hopCount = json.path("traceroute").path("hop_count");
        assertThat(hopCount.path("min").asInt()).isEqualTo(4);
        assertThat(hopCount.path("max").asInt()).isEqualTo(4);
        assertThat(hopCount.path("avg").asDouble()).isEqualTo(4.0);
        JsonNode e2e = json.path("e2e_probe");
        assertThat(e2e.path("packets_sent").asInt()).isEqualTo(5);
        assertThat(e2e.path("packets_received").asInt()).isEqualTo(5);
        assertThat(e2e.path("packet_loss_percentage").asDouble()).isZero();
        assertThat(e2e.path("rtts").size()).isEqualTo(5);
        assertThat(e2e.path("rtt").path("min").asDouble()).isPositive()
                .isLessThanOrEqualTo(e2e.path("rtt").path("max").asDouble());
    }

    @Test
    void preferSackFallsBackToSynWhenTheDestinationClosesTheConnection() throws Exception {
        // netlab's listener closes each connection at once: data then draws a RST, never a SACK
        NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "-P", "tcp", "--tcp-method", "prefer_sack",
                "-p", "80", "--wait", NetLab.EVERY_HOP_WAIT, "-q", "1", "-Q", "0", "-m", "8", "--timeout", "1000", lab.dst(4));
        assertThat(r.code()).as(r.err()).isZero();
        lab.assertPath(r.json().path("traceroute").path("runs").get(0), lab.path(4), "prefer_sack fallback", r);
    }

    @Test
    void sackAgainstAClosedPortFailsWithAMessage() throws Exception {
        NetLab.Result r = lab.edgeProbe("traceroute", "-P", "tcp", "--tcp-method", "sack", "-p", "81", "-q", "1",
                "-Q", "0", "-m", "8", "--timeout", "1000", lab.dst(4));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("SACK").contains("port 81").doesNotContain("Exception\n\tat");
    }

    @Test
    void tableOutputShowsOneLinePerTtl() throws Exception {
        NetLab.Result r = lab.edgeProbe("traceroute", "--format", "table", "--wait", NetLab.EVERY_HOP_WAIT, "-q", "1", "-Q", "0", "-m", "8",
                "--timeout", "1000", lab.dst(4));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = new ArrayList<>(r.out().lines().toList());
        List<String> path = lab.path(4);
        for (int ttl = 1; ttl <= path.size(); ttl++) {
            String want = String.format("%2d", ttl);
            String expected = path.get(ttl - 1);
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(want).contains(expected));
        }
    }

    @Test
    void unresolvableHostExitsThree() throws Exception {
        // inside the namespace there is no route to any resolver, so no query leaves the lab
        NetLab.Result r = lab.edgeProbe("traceroute", "-q", "1", "-Q", "0", "no-such-host.invalid");
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("cannot resolve");
    }

    @Test
    void withoutCapNetRawExitsFourAndSaysHowToGrantIt() throws Exception {
        List<String> command = new ArrayList<>(NetLab.javaCommand());
        command.addAll(List.of("traceroute", "-q", "1", "-Q", "0", "-m", "3", lab.dst(4)));
        // capsh drops CAP_NET_RAW from the bounding set, then runs: sh -c 'exec "$0" "$@"' java ...
        List<String> wrapper = List.of("capsh", "--drop=cap_net_raw", "--", "-c", "exec \"$0\" \"$@\"");
        NetLab.Result r = lab.inSource(wrapper, command);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("CAP_NET_RAW").contains("root");
    }

    /** No capability at all: uid 0 but an empty bounding set, so exec leaves nothing permitted or effective. */
    private static final List<String> NO_CAPABILITIES = List.of("setpriv", "--bounding-set=-all", "--inh-caps=-all",
            "--");

    @ParameterizedTest(name = "IPv{0}")
    @CsvSource({"4", "6"})
    void synSocketTracesWithoutAnyCapability(int family) throws Exception {
        NetLab.Result udp = lab.edgeProbeWith(NO_CAPABILITIES, "traceroute", "-q", "1", "-Q", "0", "-m", "3",
                lab.dst(family));
        assertThat(udp.code()).as("the process really lacks CAP_NET_RAW: " + udp.err()).isEqualTo(4);
        NetLab.Result r = lab.edgeProbeWith(NO_CAPABILITIES, "traceroute", "--format", "json", "-P", "tcp",
                "--tcp-method", "syn_socket", "-p", "80", "-q", "2", "-Q", "3", "-m", "8", "--timeout", "3000",
                lab.dst(family));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = r.json();
        for (JsonNode run : json.path("traceroute").path("runs")) {
            lab.assertPath(run, lab.path(family), "syn_socket v" + family, r);
        }
        assertThat(json.path("traceroute").path("runs").size()).isEqualTo(2);
        assertThat(json.path("e2e_probe").path("packets_received").asInt()).isEqualTo(3);
    }

    @Test
    void tcpWithoutCapNetRawFallsBackToSynSocketWithAWarning() throws Exception {
        NetLab.Result r = lab.edgeProbeWith(NO_CAPABILITIES, "traceroute", "--format", "json", "-P", "tcp", "-p", "80",
                "-q", "1", "-Q", "0", "-m", "8", "--timeout", "3000", lab.dst(4));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning").contains("syn_socket").contains("CAP_NET_RAW");
        lab.assertPath(r.json().path("traceroute").path("runs").get(0), lab.path(4), "fallback", r);
    }

    @Test
    void onlyCapNetRawIsEnoughForAnUnprivilegedUser() throws Exception {
        // the classes and the jars they need, copied where user 'nobody' can read them
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("traceroute-capnetraw");
        try {
            List<String> cp = new ArrayList<>();
            String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : full.split(java.io.File.pathSeparator)) {
                java.nio.file.Path src = java.nio.file.Path.of(entry);
                String name = src.getFileName().toString();
                boolean needed = name.equals("classes") || name.matches("(picocli|jna|pcap4j-core|pcap4j-packetfactory-static|slf4j-api|slf4j-simple|jackson-core|jackson-databind|jackson-annotations)-[0-9].*\\.jar|edgeledger-wire.*\\.jar");
                if (!needed) {
                    continue;
                }
                java.nio.file.Path dst = dir.resolve(cp.size() + "-" + name);
                try (var walk = java.nio.file.Files.walk(src)) {
                    for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) walk::iterator) {
                        java.nio.file.Path t = dst.resolve(src.relativize(p).toString());
                        if (java.nio.file.Files.isDirectory(p)) {
                            java.nio.file.Files.createDirectories(t);
                        } else {
                            java.nio.file.Files.copy(p, t);
                        }
                    }
                }
                cp.add(dst.toString());
            }
            java.nio.file.Files.createDirectories(dir.resolve("jna"));
            NetLab.run(lab.prefix, List.of("chmod", "-R", "a+rX", dir.toString()), 30);
            NetLab.run(lab.prefix, List.of("chmod", "1777", dir.resolve("jna").toString()), 30);
            String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = javaBin + " -Djna.tmpdir=" + dir + "/jna -cp " + String.join(":", cp)
                    + " io.edgeledger.probe.traceroute.TracerouteMain --format json -P tcp -p 80 --wait " + NetLab.EVERY_HOP_WAIT + " -q 1 -Q 0 -m 8 --timeout 1000 "
                    + lab.dst(4);
            NetLab.Result r = lab.inSource(List.of("capsh", "--caps=cap_net_raw+eip cap_setpcap,cap_setuid,cap_setgid+ep",
                    "--keep=1", "--user=nobody", "--addamb=cap_net_raw", "--", "-c"), List.of(command));
            assertThat(r.code()).as(r.err()).isZero();
            lab.assertPath(r.json().path("traceroute").path("runs").get(0), lab.path(4), "as nobody + CAP_NET_RAW", r);
        } finally {
            NetLab.run(lab.prefix, List.of("rm", "-rf", dir.toString()), 30);
        }
    }
}
