package io.edgeledger.probe.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.wire.CheckRun;
import io.edgeledger.wire.CheckRunsPayload;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import io.edgeledger.testing.Eventually;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwarderHttpsTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    static TestCertificates certs;

    @TempDir
    Path spool;

    @BeforeAll
    static void makeCa() throws Exception {
        certs = TestCertificates.shared();
    }

    private ForwarderConfig config(TestIngestServer server, String secret, Path ca) {
        return new ForwarderConfig(server.uri(), "probe-1", secret, ca, spool, 1 << 24, FAST);
    }

    private static MetricsPayload batch(String id) {
        return new MetricsPayload(id, "probe-1", List.of(new MetricSeries("system.load.1",
                List.of(new MetricPoint(1_700_000_000L, 0.25)), List.of("env:test"), "h1", "gauge", 15)));
    }

    @Test
    void signedGzippedBatchesVerifyOnTheServerAndArriveOnce() throws Exception {
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret");
                Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
            f.submit(batch("b-1"));
            f.submit(new CheckRunsPayload("b-2", "probe-1", List.of(
                    new CheckRun("system", "abc", "ok", 1, 3, null, List.of(), List.of()))));
            assertThat(f.drain(Duration.ofSeconds(20))).isTrue();
            assertThat(server.rejectedSignatures.get()).isZero();
            assertThat(server.ingested().get("b-1").path()).isEqualTo("/v1/ingest/metrics");
            assertThat(server.ingested().get("b-1").body().get("series").get(0).get("points").toString())
                    .isEqualTo("[[1700000000,0.25]]");
            assertThat(server.ingested().get("b-2").path()).isEqualTo("/v1/ingest/check-runs");
            assertThat(f.stats().delivered()).isEqualTo(2);
            assertThat(server.duplicates.get()).as("each batch sent once").isZero();
        }
    }

    /** docs/install-probe.md: a batch the backend refuses as invalid is kept in spool_dir/dead-letter/ with the reason. */
    @Test
    void aBatchRefusedAsInvalidGoesToTheDeadLetterFolderAndTheRestFlows() throws Exception {
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret");
                Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
            server.refuse.put("b-422", 422);
            server.refuse.put("b-400", 400);
            server.refuse.put("b-413", 413);
            for (String id : List.of("b-ok-1", "b-422", "b-400", "b-413", "b-ok-2")) {
                f.submit(batch(id));
            }
            assertThat(f.drain(Duration.ofSeconds(30))).isTrue();
            assertThat(server.ingested().keySet()).containsExactlyInAnyOrder("b-ok-1", "b-ok-2");
            assertThat(f.stats().deadLettered()).isEqualTo(3);
            assertThat(f.stats().pending()).isZero();
            Path dead = spool.resolve("dead-letter");
            for (String id : List.of("b-422", "b-400", "b-413")) {
                byte[] kept = new java.util.zip.GZIPInputStream(Files.newInputStream(dead.resolve(id + ".metrics.json.gz"))).readAllBytes();
                assertThat(io.edgeledger.probe.json.ProbeJson.mapper().readTree(kept).path("batch_id").asText()).isEqualTo(id);
                assertThat(Files.readString(dead.resolve(id + ".reason.txt"))).contains("HTTP " + id.substring(2)).contains("refused for the test");
            }
        }
    }

    @Test
    void aServerErrorIsRetriedNotDeadLettered() throws Exception {
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret");
                Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
            server.refuse.put("b-500", 500);
            f.submit(batch("b-500"));
            Eventually.until("a retry of the batch the server failed", () -> f.stats().retries() > 1);
            assertThat(f.stats().deadLettered()).isZero();
            assertThat(f.stats().pending()).isEqualTo(1);
            server.refuse.remove("b-500");
            assertThat(f.drain(Duration.ofSeconds(30))).isTrue();
            assertThat(server.ingested()).containsKey("b-500");
            assertThat(spool.resolve("dead-letter")).doesNotExist();
        }
    }

    @Test
    void aWrongSecretIsRefusedAndKeptForRetryNotLost() throws Exception {
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            try (Forwarder f = new Forwarder(config(server, "wrong", certs.caPem()), Clock.systemUTC()).start()) {
                f.submit(batch("b-x"));
                Eventually.until("the server rejects a signature", () -> server.rejectedSignatures.get() > 0);
                Eventually.until("the forwarder records the 401", () -> String.valueOf(f.stats().lastError()).contains("401"));
                assertThat(f.stats().lastError()).contains("401");
                assertThat(f.stats().pending()).isEqualTo(1);
            }
            // fixed secret, same spool: the batch goes through
            try (Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
                assertThat(f.drain(Duration.ofSeconds(20))).isTrue();
            }
            assertThat(server.ingested()).containsKey("b-x");
        }
    }

    @Test
    void tlsIsVerifiedAnUntrustedServerGetsNothing() throws Exception {
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret");
                Forwarder f = new Forwarder(config(server, "s3cret", null), Clock.systemUTC()).start()) {
            f.submit(batch("b-tls"));
            Eventually.until("a retry after the refused TLS handshake", () -> f.stats().retries() > 0);
            assertThat(server.ingested()).isEmpty();
            assertThat(f.stats().lastError()).containsIgnoringCase("cannot reach");
            assertThat(f.stats().pending()).isEqualTo(1);
        }
    }

    @Test
    void plainHttpIsRefusedExceptToLoopback() {
        assertThat(SignedClient.checkedBackend(java.net.URI.create("http://127.0.0.1:8080"))).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> SignedClient.checkedBackend(java.net.URI.create("http://api.example.com")))
                .isInstanceOf(ForwarderException.class).hasMessageContaining("https");
    }

    @Test
    void aBackendOutageLosesNothingAndEachBatchIsIngestedOnce() throws Exception {
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            server.down = true;
            try (Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
                for (int i = 0; i < 20; i++) {
                    f.submit(batch("out-" + i));
                }
                Eventually.until("a retry while the backend is down", () -> f.stats().retries() > 0);
                assertThat(server.ingested()).isEmpty();
            }
            // the probe restarts while the backend is still down, then the backend comes back
            try (Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
                assertThat(f.stats().pending()).isEqualTo(20);
                for (int i = 20; i < 30; i++) {
                    f.submit(batch("out-" + i));
                }
                Eventually.until("a retry of the new batches too", () -> f.stats().retries() > 0);
                server.down = false;
                assertThat(f.drain(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(server.ingested().keySet())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).mapToObj(i -> "out-" + i).toList());
            assertThat(server.duplicates.get()).as("a batch is acked only after a 2xx, so none is sent twice").isZero();
        }
    }

    @Test
    void killDashNineMidSendLosesNothing() throws Exception {
        int n = 25;
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            server.holdRequests = new CountDownLatch(1); // the first send hangs: the kill lands mid-request
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    ForwarderChild.class.getName(), server.uri().toString(), certs.caPem().toString(),
                    spool.toString(), Integer.toString(n)).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
                String line;
                while ((line = out.readLine()) != null && !line.equals("SUBMITTED")) {
                    // skip log lines
                }
                assertThat(line).isEqualTo("SUBMITTED");
                assertThat(server.firstRequest.await(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly(); // SIGKILL
                child.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(child.exitValue()).isEqualTo(137);
            server.holdRequests.countDown();
            server.holdRequests = null;
            try (Forwarder f = new Forwarder(config(server, "s3cret", certs.caPem()), Clock.systemUTC()).start()) {
                assertThat(f.drain(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(server.ingested().keySet())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, n).mapToObj(i -> "batch-" + i).toList());
        }
    }

    @AfterAll
    static void done() {}
}
