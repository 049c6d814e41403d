package io.edgeledger.probe.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.EdgeProbe;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.forwarder.TestCertificates;
import io.edgeledger.probe.forwarder.TestIngestServer;
import io.edgeledger.testing.Eventually;
import io.edgeledger.probe.json.ProbeJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as a whole against a real TLS backend: checks, DogStatsD, flush, check runs, jobs, status, health. */
class AgentEndToEndTest {
    static TestCertificates certs;

    @TempDir
    Path dir;

    @BeforeAll
    static void ca() throws Exception {
        certs = TestCertificates.shared();
    }

    /** Wall-clock time plus an offset the test moves forward. */
    static final class ShiftedClock extends Clock {
        final AtomicLong offsetMillis = new AtomicLong();

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.now().plusMillis(offsetMillis.get()); }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void writeConfig(URI backend, int statsdPort, int healthPort) throws Exception {
        TestAgentConfig.write(dir, backend, certs, "h-e2e", """
                tags: [env:test]
                dogstatsd: {bind: 127.0.0.1, port: %d}
                health: {bind: 127.0.0.1, port: %d}
                jobs: {enabled: true, wait_seconds: 1}
                """.formatted(statsdPort, healthPort));
        Files.createDirectories(dir.resolve("conf.d/system.d"));
        Files.writeString(dir.resolve("conf.d/system.d/conf.yaml"), "instances:\n  - min_collection_interval: 1\n");
        Files.createDirectories(dir.resolve("conf.d/network_path.d"));
        Files.writeString(dir.resolve("conf.d/network_path.d/conf.yaml"), """
                instances:
                  - hostname: 198.18.0.9
                    min_collection_interval: 1
                  - hostname: 198.18.0.10
                    max_ttl: 0
                """);
    }

    @Test
    void theAgentRunsChecksAggregatesDogStatsdForwardsAndReportsStatus() throws Exception {
        var traceResult = io.edgeledger.probe.agent.checks.NetworkPathCheckTest.TRACED;
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            int statsd = freeUdpPort();
            int health = freePort();
            writeConfig(server.uri(), statsd, health);
            AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
            ShiftedClock clock = new ShiftedClock();
            try (Agent agent = new Agent(cfg, p -> traceResult, clock).start()) {
                // DogStatsD
                try (DatagramSocket client = new DatagramSocket()) {
                    byte[] b = "e2e.hits:1|c|#a:b\ne2e.hits:2|c|#a:b\ne2e.temp:7|g\nbroken\n_sc|e2e.svc|1|#svc:a|m:slow\n".getBytes(StandardCharsets.UTF_8);
                    client.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), statsd));
                }
                Eventually.until("dogstatsd read", () -> agent.status().path("dogstatsd").path("metrics").asLong() == 3);
                Eventually.until("checks ran", () -> !server.ingestedAt("/v1/ingest/traceroute").isEmpty()
                        && agent.status().path("checks").findValues("last_status").size() == 2);
                clock.offsetMillis.set(20_000); // close the 10 s DogStatsD bucket
                agent.flush();
                Eventually.until("metrics delivered", () -> server.ingestedAt("/v1/ingest/metrics").stream()
                        .anyMatch(i -> i.body().toString().contains("e2e.hits")));

                JsonNode metrics = server.ingestedAt("/v1/ingest/metrics").stream()
                        .filter(i -> i.body().toString().contains("e2e.hits")).findFirst().orElseThrow().body();
                JsonNode hits = find(metrics, "e2e.hits");
                assertThat(hits.path("type").asText()).isEqualTo("rate");
                assertThat(hits.path("points").get(0).get(1).asDouble()).isEqualTo(0.3);
                assertThat(hits.path("tags").toString()).contains("a:b", "env:test");
                assertThat(hits.path("host").asText()).isEqualTo("h-e2e");
                assertThat(server.ingested().values().stream().flatMap(i -> i.body().path("series").findValuesAsText("metric").stream()))
                        .contains("system.load.1", "network_path.hops");
                // its own version and forwarder backlog, which the API folds into the probe list
                JsonNode running = find(metrics, "edge_probe.running");
                assertThat(running.path("tags").toString()).contains("version:");
                assertThat(running.path("points").get(0).get(1).asDouble()).isEqualTo(1.0);
                assertThat(metrics.path("series").findValuesAsText("metric"))
                        .contains("edge_probe.forwarder.pending", "edge_probe.forwarder.spool_bytes",
                                "edge_probe.forwarder.oldest_pending_age", "edge_probe.forwarder.dropped");
                Eventually.until("check runs delivered", () -> !server.ingestedAt("/v1/ingest/check-runs").isEmpty());
                assertThat(server.rejectedSignatures.get()).isZero();
                // service checks (DogStatsD and each check's can_run) travel folded into the check runs
                Eventually.until("service checks delivered", () -> server.ingestedAt("/v1/ingest/check-runs").stream()
                        .flatMap(i -> i.body().path("runs").findValuesAsText("check").stream()).toList()
                        .containsAll(List.of("e2e.svc", "edge_probe.system.can_run", "edge_probe.network_path.can_run")));
                JsonNode svc = server.ingestedAt("/v1/ingest/check-runs").stream()
                        .flatMap(i -> java.util.stream.StreamSupport.stream(i.body().path("runs").spliterator(), false))
                        .filter(r -> r.path("check").asText().equals("e2e.svc")).findFirst().orElseThrow();
                assertThat(svc.path("status").asText()).isEqualTo("warning");
                assertThat(svc.path("message").asText()).isEqualTo("slow");
                assertThat(svc.path("tags").toString()).contains("svc:a", "env:test");

                // a backend job, run through the same tracer, answered with its id
                server.addJob("{\"id\":\"job-42\",\"kind\":\"traceroute\",\"params\":{\"target\":\"198.18.0.9\"}}");
                Eventually.until("job answered", () -> server.ingestedAt("/v1/ingest/traceroute").stream()
                        .anyMatch(i -> "job-42".equals(i.body().path("job_id").asText())));

                // status over the localhost endpoint, as `edge-probe status` reads it
                HttpClient http = HttpClient.newHttpClient();
                JsonNode status = ProbeJson.mapper().readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + health + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(status.path("checks")).hasSize(2);
                assertThat(status.path("disabled_instances")).hasSize(1);
                assertThat(status.path("disabled_instances").get(0).path("warning").asText())
                        .contains("network_path.d/conf.yaml:5: instances[1].max_ttl: must be between 1 and 255");
                assertThat(status.path("dogstatsd").path("malformed").asLong()).isEqualTo(1);
                assertThat(status.path("forwarder").path("delivered").asLong()).isPositive();
                String prom = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(prom).contains("edge_probe_up 1.0", "edge_probe_dogstatsd_malformed_total 1.0",
                        "edge_probe_dogstatsd_service_checks_total 1.0",
                        "edge_probe_check_runs_total{check=\"system\"");
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

                // the CLI: edge-probe status --config DIR
                String printed = runCli("status", "--config", dir.toString());
                assertThat(printed).contains("Checks", "system:", "network_path:", "Disabled instances",
                        "instances[1].max_ttl", "Forwarder", "DogStatsD", "malformed 1");
            }
        }
    }

    @Test
    void aBadConfigIsRefusedAtStartNamingFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h\nhealth:\n  port: -1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = EdgeProbe.commandLine().execute("run", "--config", dir.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("edge-probe run: " + dir.resolve("edge-probe.yaml") + ":3: health.port: must be between 0 and 65535, got -1");
    }

    static String runCli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = EdgeProbe.commandLine().execute(args);
            assertThat(code).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode payload, String metric) {
        for (JsonNode s : payload.path("series")) {
            if (s.path("metric").asText().equals(metric)) {
                return s;
            }
        }
        throw new AssertionError("no " + metric + " in " + payload);
    }

    static List<String> unused() {
        return List.of();
    }
}
