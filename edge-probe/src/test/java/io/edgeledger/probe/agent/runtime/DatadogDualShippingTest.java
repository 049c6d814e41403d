package io.edgeledger.probe.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.datadog.FakeDatadogIntake;
import io.edgeledger.probe.forwarder.TestCertificates;
import io.edgeledger.probe.forwarder.TestIngestServer;
import io.edgeledger.testing.Eventually;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: one probe, two destinations: EdgeLedger and Datadog intakes get the same data, independently. */
class DatadogDualShippingTest {
    static final String KEY = "0123456789abcdef0123456789abcdef";
    static TestCertificates certs;

    @TempDir
    Path dir;

    @BeforeAll
    static void ca() throws Exception {
        certs = TestCertificates.shared();
    }

    private AgentConfig config(TestIngestServer edge, int statsd, String datadogSection) throws Exception {
        return config(edge, statsd, 0, datadogSection);
    }

    private AgentConfig config(TestIngestServer edge, int statsd, int health, String datadogSection) throws Exception {
        TestAgentConfig.write(dir, edge.uri(), certs, "h-dd", """
                tags: [env:test]
                dogstatsd: {bind: 127.0.0.1, port: %d}
                health: {bind: 127.0.0.1, port: %d}
                jobs: {enabled: false}
                %s
                """.formatted(statsd, health, datadogSection));
        Files.createDirectories(dir.resolve("conf.d/system.d"));
        Files.writeString(dir.resolve("conf.d/system.d/conf.yaml"), "instances:\n  - min_collection_interval: 1\n");
        return ConfigLoader.load(dir, BuiltInChecks.NAMES);
    }

    private static void send(int port, String packet) throws Exception {
        try (DatagramSocket client = new DatagramSocket()) {
            byte[] b = packet.getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    /** EdgeLedger's points as "metric|type|host|tags|interval|ts" -> value (type named as Datadog numbers it). */
    static Map<String, Double> edgePoints(TestIngestServer server) {
        Map<String, Double> out = new HashMap<>();
        for (TestIngestServer.Ingested i : server.ingestedAt("/v1/ingest/metrics")) {
            for (JsonNode s : i.body().path("series")) {
                int type = switch (s.path("type").asText()) {
                    case "count" -> 1;
                    case "rate" -> 2;
                    default -> 3;
                };
                List<String> tags = new ArrayList<>();
                s.path("tags").forEach(t -> tags.add(t.asText()));
                for (JsonNode p : s.path("points")) {
                    out.put(key(s.path("metric").asText(), type, s.path("host").asText(), tags,
                            type == 3 ? 0 : s.path("interval").asLong(), p.get(0).asLong()), p.get(1).asDouble());
                }
            }
        }
        return out;
    }

    /** The intake's points the same way; a point that arrived twice is reported as a duplicate. */
    static Map<String, Double> intakePoints(FakeDatadogIntake intake, List<String> duplicates) {
        Map<String, Double> out = new HashMap<>();
        for (FakeDatadogIntake.Point p : intake.points) {
            String k = key(p.metric(), p.type(), p.host(), p.tags(), p.type() == 3 ? 0 : p.interval(), p.timestamp());
            if (out.put(k, p.value()) != null) {
                duplicates.add(k);
            }
        }
        return out;
    }

    private static String key(String metric, int type, String host, List<String> tags, long interval, long ts) {
        return metric + "|" + type + "|" + host + "|" + new TreeSet<>(tags) + "|" + interval + "|" + ts;
    }

    @Test
    void dogStatsdAndCheckMetricsServiceChecksAndEventsArriveWithTheSameValuesAtBoth() throws Exception {
        try (TestIngestServer edge = new TestIngestServer(certs, "probe-1", "s3cret");
                FakeDatadogIntake intake = new FakeDatadogIntake(KEY)) {
            Files.writeString(dir.resolve("dd.key"), KEY + "\n");
            int statsd = AgentEndToEndTest.freeUdpPort();
            AgentConfig cfg = config(edge, statsd, "datadog: {api_key_file: dd.key, compression: zstd, dd_url: \""
                    + intake.uri() + "\"}");
            AgentEndToEndTest.ShiftedClock clock = new AgentEndToEndTest.ShiftedClock();
            try (Agent agent = new Agent(cfg, p -> null, clock).start()) {
                send(statsd, "dd.hits:1|c|#a:b\ndd.hits:2|c|#a:b\ndd.temp:7|g\ndd.lat:5|h\ndd.lat:15|h\n"
                        + "_sc|dd.svc|2|#svc:x|m:down\n" + "_e{9,5}:déployé|hello|t:success|#v:2");
                Eventually.until("dogstatsd read", () -> agent.status().path("dogstatsd").path("metrics").asLong() == 5);
                Eventually.until("a system check ran", () -> !agent.status().path("checks").findValues("last_status").isEmpty());
                clock.offsetMillis.set(20_000);
                agent.flush();
                List<String> duplicates = new ArrayList<>();
                Eventually.until("the same points at both", () -> {
                    duplicates.clear();
                    Map<String, Double> atEdge = edgePoints(edge);
                    return atEdge.keySet().stream().anyMatch(k -> k.startsWith("dd.hits|"))
                            && atEdge.keySet().stream().anyMatch(k -> k.startsWith("system.load.1|"))
                            && atEdge.equals(intakePoints(intake, duplicates));
                });
                assertThat(duplicates).isEmpty();
                assertThat(intake.schemaErrors).isEmpty();
                assertThat(intake.encodings).contains("/api/v2/series zstd1");
                FakeDatadogIntake.Point hits = intake.points.stream().filter(p -> p.metric().equals("dd.hits"))
                        .findFirst().orElseThrow();
                assertThat(hits.type()).isEqualTo(2);
                assertThat(hits.interval()).isEqualTo(10);
                assertThat(hits.value()).isEqualTo(0.3);
                assertThat(hits.host()).isEqualTo("h-dd");
                assertThat(hits.tags()).contains("a:b", "env:test");

                Eventually.until("service checks and the event at the intake", () -> !intake.events.isEmpty()
                        && intake.checkRuns.stream().anyMatch(c -> c.path("check").asText().equals("dd.svc"))
                        && intake.checkRuns.stream().anyMatch(c -> c.path("check").asText().equals("edge_probe.system.can_run")));
                JsonNode svc = intake.checkRuns.stream().filter(c -> c.path("check").asText().equals("dd.svc"))
                        .findFirst().orElseThrow();
                assertThat(svc.path("status").asInt()).isEqualTo(2);
                assertThat(svc.path("message").asText()).isEqualTo("down");
                assertThat(svc.path("host_name").asText()).isEqualTo("h-dd");
                JsonNode event = intake.events.peek();
                assertThat(event.path("title").asText()).isEqualTo("déployé");
                assertThat(event.path("alert_type").asText()).isEqualTo("success");
                assertThat(event.path("tags").toString()).contains("v:2", "env:test");
                Eventually.until("the service check and the event at EdgeLedger too", () -> edge.ingestedAt("/v1/ingest/check-runs")
                        .stream().anyMatch(i -> i.body().toString().contains("dd.svc"))
                        && !edge.ingestedAt("/v1/ingest/agent-events").isEmpty());
                JsonNode atEdge = edge.ingestedAt("/v1/ingest/agent-events").get(0).body().path("events").get(0);
                assertThat(atEdge.path("title").asText()).isEqualTo("déployé");
                assertThat(atEdge.path("timestamp").asLong()).isEqualTo(event.path("date_happened").asLong());

                JsonNode status = agent.status().path("datadog");
                assertThat(status.path("endpoints").get(0).path("delivered").asLong()).isPositive();
                assertThat(status.toString()).doesNotContain(KEY);
                assertThat(agent.prometheus()).contains("edge_probe_datadog_delivered_total{endpoint=\"0\"");
            }
        }
    }

    @Test
    void anIntakeOutageLosesAndDuplicatesNothingAndNeverDelaysTheOtherEndpointOrEdgeLedger() throws Exception {
        try (TestIngestServer edge = new TestIngestServer(certs, "probe-1", "s3cret");
                FakeDatadogIntake primary = new FakeDatadogIntake(KEY);
                FakeDatadogIntake second = new FakeDatadogIntake("second-key")) {
            Files.writeString(dir.resolve("dd.key"), KEY);
            Files.writeString(dir.resolve("second.key"), "second-key");
            int statsd = AgentEndToEndTest.freeUdpPort();
            AgentConfig cfg = config(edge, statsd, """
                    datadog:
                      api_key_file: dd.key
                      dd_url: "%s"
                      additional_endpoints:
                        "%s": [second.key]
                    """.formatted(primary.uri(), second.uri()));
            primary.down = true;
            AgentEndToEndTest.ShiftedClock clock = new AgentEndToEndTest.ShiftedClock();
            try (Agent agent = new Agent(cfg, p -> null, clock).start()) {
                for (int round = 1; round <= 3; round++) {
                    send(statsd, "out.n:" + round + "|g|#round:" + round);
                    int want = round;
                    Eventually.until("read", () -> agent.status().path("dogstatsd").path("metrics").asLong() == want);
                    clock.offsetMillis.addAndGet(20_000);
                    agent.flush();
                }
                Eventually.until("EdgeLedger and the second endpoint have every round while the first is down", () ->
                        edgePoints(edge).keySet().stream().filter(k -> k.startsWith("out.n|")).count() == 3
                                && second.points.stream().filter(p -> p.metric().equals("out.n")).count() == 3);
                Eventually.until("the first endpoint retried", () -> primary.refusedWhileDown.get() >= 2);
                assertThat(primary.points).isEmpty();
                assertThat(agent.status().path("datadog").path("endpoints").get(0).path("queue").asLong()).isPositive();

                primary.down = false;
                List<String> duplicates = new ArrayList<>();
                Eventually.until("the first endpoint caught up", () -> {
                    duplicates.clear();
                    return intakePoints(primary, duplicates).keySet().stream().filter(k -> k.startsWith("out.n|")).count() == 3;
                });
                Eventually.until("its queue drained", () ->
                        agent.status().path("datadog").path("endpoints").get(0).path("queue").asLong() == 0);
                duplicates.clear();
                Map<String, Double> atPrimary = intakePoints(primary, duplicates);
                assertThat(duplicates).as("sent twice").isEmpty();
                assertThat(intakePoints(second, duplicates)).isEqualTo(atPrimary);
                assertThat(duplicates).isEmpty();
            }
        }
    }

    @Test
    void aBadKeyIsReportedStopsRetriesLeavesEdgeLedgerAloneAndResumesWhenTheKeyFileChanges() throws Exception {
        try (TestIngestServer edge = new TestIngestServer(certs, "probe-1", "s3cret");
                FakeDatadogIntake intake = new FakeDatadogIntake(KEY)) {
            Files.writeString(dir.resolve("dd.key"), "not-the-key");
            int statsd = AgentEndToEndTest.freeUdpPort();
            AgentConfig cfg = config(edge, statsd, AgentEndToEndTest.freePort(), "datadog: {api_key_file: dd.key, dd_url: \"" + intake.uri() + "\"}");
            AgentEndToEndTest.ShiftedClock clock = new AgentEndToEndTest.ShiftedClock();
            try (Agent agent = new Agent(cfg, p -> null, clock).start()) {
                send(statsd, "key.n:5|g");
                Eventually.until("read", () -> agent.status().path("dogstatsd").path("metrics").asLong() == 1);
                clock.offsetMillis.set(20_000);
                agent.flush();
                Eventually.until("403 reported", () ->
                        agent.status().path("datadog").path("endpoints").get(0).path("forbidden").asBoolean());
                JsonNode ep = agent.status().path("datadog").path("endpoints").get(0);
                assertThat(ep.path("last_error").asText()).contains("403", "dd.key").doesNotContain("not-the-key");
                assertThat(ep.path("retries").asLong()).as("a 403 is not retried").isZero();
                assertThat(agent.prometheus()).contains("edge_probe_datadog_forbidden{endpoint=\"0\"");
                String printed = AgentEndToEndTest.runCli("status", "--config", dir.toString());
                assertThat(printed).contains("Datadog    " + intake.uri(), "FORBIDDEN", "dd.key").doesNotContain("not-the-key");
                Eventually.until("EdgeLedger unaffected", () ->
                        edgePoints(edge).keySet().stream().anyMatch(k -> k.startsWith("key.n|")));
                assertThat(intake.points).isEmpty();

                Files.writeString(dir.resolve("dd.key"), KEY + "\n");
                Eventually.until("resumed with the new key", () ->
                        intake.points.stream().anyMatch(p -> p.metric().equals("key.n") && p.value() == 5));
                assertThat(agent.status().path("datadog").path("endpoints").get(0).path("forbidden").asBoolean()).isFalse();
            }
        }
    }
}
