package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TCP SYN in parallel by default (issue 17) on real sockets. Without any timing assertion: the timeouts
 * are chosen so that a serial trace could not finish inside NetLab's 120 s limit per command (a silent
 * hop waited 150 s; a firewalled destination 28 TTLs × 5 s), while the parallel one ends after the
 * adaptive wait, or one timeout past the last answering hop.
 */
class TcpParallelNamespaceTest {

    @Nested
    class SilentHop extends NetLabPerClass {
        @Override
        NetLab start() throws Exception {
            return NetLab.up("tps" + ProcessHandle.current().pid() % 10000, "--hops", "4", "--silent-hop", "2",
                    "--tcp-listen", "80");
        }

        @ParameterizedTest(name = "IPv{0}")
        @ValueSource(ints = {4, 6})
        void synByDefaultGivesUpOnTheSilentHopByTheAdaptiveWaitInEveryRun(int family) throws Exception {
            NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "--wait", NetLab.EVERY_HOP_WAIT,
                    "-P", "tcp", "-p", "80", "-q", "3", "-Q", "3", "-m", "8", "--timeout", "150000", lab.dst(family));
            assertThat(r.code()).as(r.err()).isZero();
            List<String> expected = lab.path(family);
            assertThat(expected.get(1)).isNull();
            JsonNode json = r.json();
            JsonNode runs = json.path("traceroute").path("runs");
            assertThat(runs.size()).isEqualTo(3);
            for (JsonNode run : runs) {
                lab.assertPath(run, expected, "tcp v" + family, r);
            }
            assertThat(json.path("e2e_probe").path("packets_received").asInt()).isEqualTo(3);
        }
    }

    @Nested
    class FirewalledDestination extends NetLabPerClass {
        @Override
        NetLab start() throws Exception {
            return NetLab.up("tpf" + ProcessHandle.current().pid() % 10000, "--hops", "2", "--dst-firewall",
                    "--tcp-listen", "80");
        }

        @ParameterizedTest(name = "IPv{0}")
        @ValueSource(ints = {4, 6})
        void synByDefaultEndsOneTimeoutPastTheLastAnsweringHop(int family) throws Exception {
            int maxTtl = 30;
            NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "--wait", NetLab.EVERY_HOP_WAIT,
                    "-P", "tcp", "-p", "80", "-q", "1", "-Q", "0", "-m", String.valueOf(maxTtl), "--timeout", "5000", lab.dst(family));
            assertThat(r.code()).as(r.err()).isZero();
            List<String> expected = new ArrayList<>(lab.path(family).subList(0, 2));
            while (expected.size() < maxTtl) {
                expected.add(null);
            }
            lab.assertPath(r.json().path("traceroute").path("runs").get(0), expected, "tcp v" + family, r);
        }
    }
}
