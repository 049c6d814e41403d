package io.edgeledger.probe.traceroute.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON carries exactly upstream's field names and semantics (DESIGN 2.1). */
class TracerouteResultJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TracerouteResult sample() throws Exception {
        InetAddress src = InetAddress.getByName("198.18.0.1");
        InetAddress dst = InetAddress.getByName("198.18.2.2");
        List<Hop> hops = List.of(
                new Hop(1, InetAddress.getByName("10.1.2.3"), 0.4214, true, List.of(), false),
                new Hop(2, null, 0, false, List.of(), false),
                new Hop(3, dst, 1.5, true, List.of("dst.example"), true));
        List<TracerouteRun> runs = List.of(new TracerouteRun("r1", src, 40000, dst, 33434, List.of(), hops));
        return new TracerouteResult("t1", "UDP", "", "public IP unavailable: offline", "dst.example", 33434, runs,
                HopCount.of(runs), E2eProbe.of(List.of(1.0, 0.0, 3.0, 2.0)));
    }

    @Test
    void fieldNamesAndValuesAreUpstreams() throws Exception {
        JsonNode j = JSON.readTree(sample().toJson());
        assertThat(names(j)).containsExactly("test_run_id", "protocol", "source", "destination", "traceroute", "e2e_probe");
        assertThat(j.path("source").path("public_ip").asText()).isEmpty();
        assertThat(j.path("source").path("public_ip_error").asText()).contains("offline");
        assertThat(names(j.path("destination"))).containsExactly("hostname", "port");
        JsonNode run = j.path("traceroute").path("runs").get(0);
        assertThat(names(run)).containsExactly("run_id", "source", "destination", "hops");
        assertThat(names(run.path("source"))).containsExactly("ip_address", "port");
        assertThat(names(run.path("destination"))).containsExactly("ip_address", "port", "reverse_dns");
        JsonNode hop = run.path("hops").get(0);
        assertThat(names(hop)).containsExactly("ttl", "ip_address", "rtt", "reachable", "reverse_dns");
        assertThat(hop.path("rtt").asDouble()).isEqualTo(0.421);
        JsonNode silent = run.path("hops").get(1);
        assertThat(silent.path("ip_address").isNull()).isTrue();
        assertThat(silent.path("reachable").asBoolean()).isFalse();
        assertThat(run.path("hops").get(2).path("reverse_dns").get(0).asText()).isEqualTo("dst.example");
        assertThat(names(j.path("traceroute").path("hop_count"))).containsExactly("avg", "min", "max");
        JsonNode e2e = j.path("e2e_probe");
        assertThat(names(e2e)).containsExactly("rtts", "packets_sent", "packets_received", "packet_loss_percentage",
                "jitter", "rtt");
        assertThat(e2e.path("packets_sent").asInt()).isEqualTo(4);
        assertThat(e2e.path("packets_received").asInt()).isEqualTo(3);
        assertThat(e2e.path("packet_loss_percentage").asDouble()).isEqualTo(0.25);
        assertThat(e2e.path("jitter").asDouble()).isEqualTo(1.5); // |3-1| and |2-3| over 2
        assertThat(e2e.path("rtt").path("avg").asDouble()).isEqualTo(2.0);
        assertThat(e2e.path("rtt").path("min").asDouble()).isEqualTo(1.0);
        assertThat(e2e.path("rtt").path("max").asDouble()).isEqualTo(3.0);
    }

    @Test
    void hopCountIsUpToTheLastAnsweringTtlOverRuns() throws Exception {
        InetAddress a = InetAddress.getByName("198.18.0.2");
        TracerouteRun three = new TracerouteRun("a", a, 0, a, 0, List.of(), List.of(
                new Hop(1, a, 1, true, List.of(), false), new Hop(2, a, 1, true, List.of(), false),
                new Hop(3, a, 1, true, List.of(), true)));
        TracerouteRun oneThenSilence = new TracerouteRun("b", a, 0, a, 0, List.of(), List.of(
                new Hop(1, a, 1, true, List.of(), false), new Hop(2, null, 0, false, List.of(), false)));
        HopCount c = HopCount.of(List.of(three, oneThenSilence));
        assertThat(c).isEqualTo(new HopCount(2.0, 1, 3));
    }

    @Test
    void privateHopsAreBlankedButKeepTheirTtl() throws Exception {
        TracerouteResult r = sample().withoutPrivateHops();
        Hop first = r.runs().get(0).hops().get(0);
        assertThat(first.ttl()).isEqualTo(1);
        assertThat(first.ip()).isNull();
        assertThat(first.reachable()).isFalse();
        assertThat(r.runs().get(0).hops().get(2).ip()).isNotNull();
        assertThat(Addresses.isPrivate(InetAddress.getByName("172.20.0.1"))).isTrue();
        assertThat(Addresses.isPrivate(InetAddress.getByName("198.18.0.1"))).isFalse();
        assertThat(Addresses.isPrivate(InetAddress.getByName("fd00::1"))).isTrue();
    }

    @Test
    void ipv6AddressesAreCanonical() throws Exception {
        assertThat(Addresses.format(InetAddress.getByName("2001:db8:0:5:0:0:0:2"))).isEqualTo("2001:db8:0:5::2");
        assertThat(Addresses.format(InetAddress.getByName("2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(Addresses.format(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(Addresses.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
