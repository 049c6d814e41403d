package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A silent hop shows as unreachable at its TTL while the trace goes on; a firewalled destination ends at max TTL. */
class SilentAndFirewallNamespaceTest {

    @Nested
    class SilentHop extends NetLabPerClass {
        @Override
        NetLab start() throws Exception {
            return NetLab.up("trs" + ProcessHandle.current().pid() % 10000, "--hops", "4", "--silent-hop", "2",
                    "--tcp-listen", "80");
        }

        @ParameterizedTest(name = "{0} over IPv{1} ({2})")
        @CsvSource({"udp, 4, --parallel", "udp, 6, --parallel", "icmp, 4, --parallel", "icmp, 6, --parallel",
                    "tcp, 4, --parallel", "tcp, 6, --serial"})
        void silentHopIsUnreachableAndTheTraceContinues(String proto, int family, String mode) throws Exception {
            NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "--wait", NetLab.EVERY_HOP_WAIT, "-P", proto, "-p",
                    proto.equals("tcp") ? "80" : "33434", mode, "-q", "1", "-Q", "0", "-m", "8", "--timeout", "800",
                    lab.dst(family));
            assertThat(r.code()).as(r.err()).isZero();
            List<String> expected = lab.path(family);
            assertThat(expected.get(1)).isNull();
            lab.assertPath(r.json().path("traceroute").path("runs").get(0), expected, proto + " v" + family, r);
        }
    }

    @Nested
    class FirewalledDestination extends NetLabPerClass {
        @Override
        NetLab start() throws Exception {
            return NetLab.up("trf" + ProcessHandle.current().pid() % 10000, "--hops", "2", "--dst-firewall",
                    "--tcp-listen", "80");
        }

        @ParameterizedTest(name = "{0} over IPv{1} ({2})")
        @CsvSource({"udp, 4, --parallel", "udp, 6, --parallel", "icmp, 4, --parallel", "tcp, 4, --serial",
                    "tcp, 6, --parallel"})
        void endsAtMaxTtlWithTheRoutersAnswered(String proto, int family, String mode) throws Exception {
            int maxTtl = 5;
            NetLab.Result r = lab.edgeProbe("traceroute", "--format", "json", "--wait", NetLab.EVERY_HOP_WAIT, "-P", proto, "-p",
                    proto.equals("tcp") ? "80" : "33434", mode, "-q", "1", "-Q", "3", "-m", String.valueOf(maxTtl),
                    "--timeout", "500", lab.dst(family));
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode json = r.json();
            List<String> expected = new ArrayList<>(lab.path(family).subList(0, 2));
            while (expected.size() < maxTtl) {
                expected.add(null);
            }
            lab.assertPath(json.path("traceroute").path("runs").get(0), expected, proto + " v" + family, r);
            assertThat(json.path("traceroute").path("hop_count").path("max").asInt()).isEqualTo(2);
            JsonNode e2e = json.path("e2e_probe");
            assertThat(e2e.path("packets_sent").asInt()).isEqualTo(3);
            assertThat(e2e.path("packets_received").asInt()).isZero();
            assertThat(e2e.path("packet_loss_percentage").asDouble()).isEqualTo(1.0);
        }
    }
}
