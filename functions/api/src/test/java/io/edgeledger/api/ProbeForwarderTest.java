package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.archive.ArchiveLines;
import io.edgeledger.api.archive.ArchiveStore;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.GatewayRelay;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.probe.forwarder.Backoff;
import io.edgeledger.probe.forwarder.Forwarder;
import io.edgeledger.probe.forwarder.ForwarderConfig;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The edge probe's real forwarder against the real API (not the probe tests' own ingest server): a batch the probe
 * sends again because its ack was lost is stored once, and a batch the API refuses as invalid lands in the spool's
 * {@code dead-letter/} folder that docs/install-probe.md names, with the API's reason.
 */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class ProbeForwarderTest {
    private static final String ARCHIVE = "edgeledger-archive";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private GatewayRelay gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayRelay(URI.create("http://localhost:" + RestAssured.port));
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    private ForwarderConfig config(SignedProbe probe, Path spool) {
        return new ForwarderConfig(gateway.url(), probe.id, probe.secret, null, spool, 1 << 24, FAST);
    }

    private static MetricsPayload batch(String batchId, String probeId, String metric, long ts) {
        return new MetricsPayload(batchId, probeId, List.of(new MetricSeries(metric,
                List.of(new MetricPoint(ts, 1.5), new MetricPoint(ts + 15, 2.5)), List.of("probe:" + probeId), "edge-1", "gauge", 15)));
    }

    @Test
    void aBatchSentAgainAfterItsAckWasLostIsStoredOnce() throws Exception {
        SignedProbe probe = SignedProbe.enroll("fwd-once");
        String batchId = Payloads.batchId();
        long ts = Instant.now().getEpochSecond() - 60;
        Path spool = dir.resolve("spool");
        Path lostAck = dir.resolve("spool-before-ack");
        try (Forwarder first = new Forwarder(config(probe, spool), Clock.systemUTC())) {
            first.submit(batch(batchId, probe.id, "fwd.once.load", ts));
            // the spool as it is when the batch has been sent but the probe dies before the ack: it sends it again
            copy(spool, lostAck);
            first.start();
            assertThat(first.drain(Duration.ofSeconds(60))).isTrue();
            assertThat(first.stats().delivered()).isEqualTo(1);
        }
        try (Forwarder restarted = new Forwarder(config(probe, lostAck), Clock.systemUTC()).start()) {
            assertThat(restarted.drain(Duration.ofSeconds(60))).isTrue();
            assertThat(restarted.stats().delivered()).as("the API answered the resend with a 2xx").isEqualTo(1);
        }

        assertThat(archivedBatches(probe.id, ts)).as("archived batches of the probe").containsExactly(batchId);
        Api.operator().queryParam("name", "fwd.once.load").queryParam("tags", "probe:" + probe.id).get("/v1/metrics")
                .then().statusCode(200).body("series", hasSize(1)).body("series[0].points", hasSize(2));
    }

    @Test
    void aBatchTheApiRefusesGoesToTheDeadLetterFolderWithTheApisReason() throws Exception {
        SignedProbe probe = SignedProbe.enroll("fwd-dead-letter");
        long ts = Instant.now().getEpochSecond() - 60;
        String refused = Payloads.batchId();
        String good = Payloads.batchId();
        Path spool = dir.resolve("spool");
        try (Forwarder forwarder = new Forwarder(config(probe, spool), Clock.systemUTC()).start()) {
            // spooled under an earlier enrollment: the body names another probe, the API refuses it (400 probe_mismatch)
            forwarder.submit(batch(refused, "p-000000000000", "fwd.dead.load", ts));
            forwarder.submit(batch(good, probe.id, "fwd.dead.load", ts));
            assertThat(forwarder.drain(Duration.ofSeconds(60))).isTrue();
            assertThat(forwarder.stats().deadLettered()).isEqualTo(1);
            assertThat(forwarder.stats().delivered()).isEqualTo(1);
        }
        Path deadLetter = spool.resolve("dead-letter"); // docs/install-probe.md: spool_dir/dead-letter/
        try (InputStream kept = new GZIPInputStream(Files.newInputStream(deadLetter.resolve(refused + ".metrics.json.gz")))) {
            assertThat(JSON.readTree(kept.readAllBytes()).path("batch_id").asText()).isEqualTo(refused);
        }
        assertThat(Files.readString(deadLetter.resolve(refused + ".reason.txt"))).contains("HTTP 400").contains("probe_mismatch");
        assertThat(archivedBatches(probe.id, ts)).containsExactly(good);
    }

    /** The batch ids of this probe in the grouped metrics archive of the data's day, one per archived copy. */
    private static List<String> archivedBatches(String probeId, long ts) throws IOException {
        List<String> batches = new ArrayList<>();
        try (S3Client s3 = Api.s3()) {
            String prefix = ArchiveStore.groupPrefix("metrics", LocalDate.ofInstant(Instant.ofEpochSecond(ts), ZoneOffset.UTC));
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(ARCHIVE).prefix(prefix)).contents()) {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(ARCHIVE).key(object.key())).asByteArray();
                for (ArchiveLines.Line line : ArchiveLines.decode(JSON, bytes)) {
                    if (probeId.equals(line.probeId())) {
                        batches.add(line.batchId());
                    }
                }
            }
        }
        return batches;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Files.copy(source, to.resolve(from.relativize(source).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
