package io.edgeledger.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.wire.TracerouteSpec.Protocol;
import io.edgeledger.wire.TracerouteSpec.TcpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracerouteSpecTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jobParamsReadInAnyCaseWithTheAgentsDefaults() throws Exception {
        TracerouteSpec spec = json.readValue(
                "{\"target\":\"198.18.0.7\",\"protocol\":\"TCP\",\"port\":443,\"max-ttl\":\"9\",\"tcp-method\":\"sack\"}",
                TracerouteSpec.class);
        assertThat(spec).isEqualTo(new TracerouteSpec("198.18.0.7", Protocol.TCP, 443, 9, TracerouteSpec.AGENT_TIMEOUT_MS,
                3, 50, TcpMethod.SACK, false, false, false, false, null));
    }

    @Test
    void writesAndReadsBackTheSameSpec() throws Exception {
        TracerouteSpec spec = new TracerouteSpec("2001:db8::1", Protocol.ICMP, 1, 64, 500, 2, 0, TcpMethod.PREFER_SACK,
                true, true, true, false, Boolean.FALSE);
        String written = json.writeValueAsString(spec);
        assertThat(written).contains("\"protocol\":\"icmp\"", "\"tcp-method\":\"prefer_sack\"", "\"max-ttl\":64");
        assertThat(json.readValue(written, TracerouteSpec.class)).isEqualTo(spec);
    }

    @Test
    void aQueryUsesDatadogsDefaultsAndBareFlags() {
        TracerouteSpec spec = TracerouteSpec.fromQuery(QueryString.parse("target=h.example&ipv6&reverse-dns=false&parallel=0"));
        assertThat(spec.timeoutMillis()).isEqualTo(TracerouteSpec.DEFAULT_TIMEOUT_MS);
        assertThat(spec.protocol()).isEqualTo(Protocol.UDP);
        assertThat(spec.ipv6()).isTrue();
        assertThat(spec.reverseDns()).isFalse();
        assertThat(spec.parallel()).isFalse();
    }

    @Test
    void aCheckInstanceUsesSnakeCaseAndHostname() {
        TracerouteSpec spec = TracerouteSpec.fromInstance(Map.of("hostname", "198.18.0.9", "max_ttl", "12",
                "tcp_method", "prefer_sack", "tags", "ignored"));
        assertThat(spec.target()).isEqualTo("198.18.0.9");
        assertThat(spec.maxTtl()).isEqualTo(12);
        assertThat(spec.tcpMethod()).isEqualTo(TcpMethod.PREFER_SACK);
        assertThat(spec.timeoutMillis()).isEqualTo(TracerouteSpec.AGENT_TIMEOUT_MS);
        assertThatThrownBy(() -> TracerouteSpec.fromInstance(Map.of("hostname", "h", "max_ttl", "256")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("max_ttl"));
    }

    @Test
    void oneSetOfLimitsForEverySource() {
        assertThat(TracerouteSpec.fromQuery(Map.of("target", "h", "max-ttl", "255", "traceroute-queries", "100",
                "timeout", "600000", "e2e-queries", "10000")).maxTtl()).isEqualTo(255);
        for (String[] bad : new String[][] {{"max-ttl", "256"}, {"traceroute-queries", "101"}, {"timeout", "600001"},
                {"e2e-queries", "10001"}, {"port", "0"}, {"port", "x"}, {"protocol", "sctp"}, {"tcp-method", "fin"},
                {"ipv6", "maybe"}, {"colour", "red"}}) {
            assertThatThrownBy(() -> TracerouteSpec.fromQuery(Map.of("target", "h", bad[0], bad[1])))
                    .as(bad[0] + "=" + bad[1])
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(bad[0]));
        }
    }

    @Test
    void multipathOptionsReadFromEverySource() throws Exception {
        TracerouteSpec query = TracerouteSpec.fromQuery(QueryString.parse("target=h&paris&multipath&confidence=90"));
        assertThat(query.paris()).isTrue();
        assertThat(query.multipath()).isTrue();
        assertThat(query.confidence()).isEqualTo(90);
        TracerouteSpec instance = TracerouteSpec.fromInstance(Map.of("hostname", "h", "multipath", "true", "confidence", "99"));
        assertThat(instance.multipath()).isTrue();
        assertThat(instance.paris()).isFalse();
        assertThat(instance.confidence()).isEqualTo(99);
        TracerouteSpec job = json.readValue("{\"target\":\"h\",\"multipath\":true,\"confidence\":50}", TracerouteSpec.class);
        assertThat(job.confidence()).isEqualTo(50);
        assertThat(json.readValue(json.writeValueAsString(job), TracerouteSpec.class)).isEqualTo(job);
        TracerouteSpec plain = TracerouteSpec.fromQuery(Map.of("target", "h"));
        assertThat(plain.paris()).isFalse();
        assertThat(plain.multipath()).isFalse();
        assertThat(plain.confidence()).isEqualTo(TracerouteSpec.DEFAULT_CONFIDENCE);
    }

    @Test
    void confidenceIsAPercentForMultipathOnly() {
        for (String[] bad : new String[][] {{"multipath", "confidence", "49"}, {"multipath", "confidence", "100"},
                {"multipath", "confidence", "high"}, {"paris", "confidence", "90"}, {"target", "confidence", "95.5"}}) {
            Map<String, String> query = new java.util.HashMap<>(Map.of("target", "h", bad[1], bad[2]));
            query.putIfAbsent(bad[0], "true");
            assertThatThrownBy(() -> TracerouteSpec.fromQuery(query)).as(String.join(" ", bad))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("confidence"));
        }
        assertThatThrownBy(() -> TracerouteSpec.fromQuery(Map.of("target", "h", "confidence", "90")))
                .hasMessage("confidence applies to multipath only (set multipath too)");
        assertThatThrownBy(() -> TracerouteSpec.fromQuery(Map.of("target", "h", "multipath", "1", "confidence", "100")))
                .hasMessage("confidence must be between 50 and 99, got 100");
        // the CLI's rule: the default value is no request, so it passes without multipath
        assertThat(TracerouteSpec.fromQuery(Map.of("target", "h", "confidence", "95")).multipath()).isFalse();
        assertThatThrownBy(() -> TracerouteSpec.fromInstance(Map.of("hostname", "h", "multipath", "maybe")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("multipath"));
        assertThatThrownBy(() -> TracerouteSpec.fromQuery(Map.of("target", "h", "paris", "2")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("paris"));
    }

    @Test
    void aTargetIsAHostNameOrAnAddress() {
        for (String bad : new String[] {"\ud800\u0000\udfff", "a b", "x".repeat(254), "", "host/1", "h\n"}) {
            assertThatThrownBy(() -> TracerouteSpec.defaults(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("target"));
        }
        assertThat(TracerouteSpec.defaults("fe80::1").target()).isEqualTo("fe80::1");
        assertThat(TracerouteSpec.defaults("edge_1.example.com").target()).isEqualTo("edge_1.example.com");
    }
}
