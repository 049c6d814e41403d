package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.archive.ArchiveLines;
import io.edgeledger.api.archive.ArchiveStore;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.ingest.IngestResult;
import io.edgeledger.api.ingest.IngestService;
import io.edgeledger.api.support.TestRedis;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.wire.MetricsPayload;
import io.edgeledger.api.binding.WireMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The group-committed archive inside the running app. Quarkus' test-mode Lambda event server hands requests to the
 * function one at a time, so concurrency is driven through the ingest service itself (the code the REST resource
 * calls, with the real group writer, S3 and Redis); what a client sees (503 body, idempotency, queries answered from
 * S3) is checked over HTTP.
 */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class GroupedArchiveTest {
    private static final String ARCHIVE = "edgeledger-archive";

    @Inject
    IngestService ingest;

    @Inject
    ObjectMapper json;

    @Test
    void concurrentIngestsAreArchivedOnceEachAndAnsweredFromS3() throws Exception {
        SignedProbe probe = SignedProbe.enroll("grouped-archive");
        Instant old = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int n = 8;
        List<String> batches = new ArrayList<>();
        List<JsonNode> payloads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String batch = Payloads.batchId();
            batches.add(batch);
            payloads.add(json.readTree(Payloads.metrics(batch, "grouped.test.load", old.getEpochSecond() + i, i, "p:" + probe.id)));
        }
        List<String> outcomes = ingestConcurrently(probe.id, payloads);
        assertThat(outcomes).hasSize(n).containsOnly("accepted");

        // every batch is in the archive exactly once, in grouped NDJSON objects of the data's day
        List<String> archived = new ArrayList<>();
        try (S3Client s3 = Api.s3()) {
            String prefix = ArchiveStore.groupPrefix("metrics", LocalDate.ofInstant(old, ZoneOffset.UTC));
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(ARCHIVE).prefix(prefix)).contents()) {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(ARCHIVE).key(object.key())).asByteArray();
                for (ArchiveLines.Line line : ArchiveLines.decode(json, bytes)) {
                    if (probe.id.equals(line.probeId())) {
                        archived.add(line.batchId());
                    }
                }
            }
        }
        assertThat(archived).containsExactlyInAnyOrderElementsOf(batches);

        // older than the Redis window: only the grouped archive can answer, with all eight points
        Api.operator().queryParam("name", "grouped.test.load").queryParam("tags", "p:" + probe.id)
                .queryParam("from", old.minusSeconds(60).getEpochSecond()).queryParam("to", old.plusSeconds(60).getEpochSecond())
                .get("/v1/metrics").then().statusCode(200).body("sources", hasItem("s3"))
                .body("series", hasSize(1)).body("series[0].points", hasSize(n));
    }

    @Test
    void aFailedArchiveWriteFailsTheWholeGroupWith503AndMarksNothing() throws Exception {
        SignedProbe probe = SignedProbe.enroll("grouped-failure");
        long ts = Instant.now().getEpochSecond() - 30;
        // one good write first, so the app knows the bucket exists and will not quietly re-create it
        probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "grouped.test.fail", ts - 1, 0, "p:" + probe.id))
                .then().statusCode(202);

        List<String> batches = new ArrayList<>();
        List<JsonNode> payloads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String batch = Payloads.batchId();
            batches.add(batch);
            payloads.add(json.readTree(Payloads.metrics(batch, "grouped.test.fail", ts + i, i, "p:" + probe.id)));
        }
        String httpBatch = Payloads.batchId();
        String httpBody = Payloads.metrics(httpBatch, "grouped.test.fail", ts + 10, 10, "p:" + probe.id);

        removeArchiveBucket();
        try {
            assertThat(ingestConcurrently(probe.id, payloads)).hasSize(4).allSatisfy(o -> assertThat(o).startsWith("503 archive_unavailable"));
            probe.post("/v1/ingest/metrics", httpBody).then().statusCode(503)
                    .body("code", equalTo("archive_unavailable")).body("message", not(emptyOrNullString()));
        } finally {
            try (S3Client s3 = Api.s3()) {
                s3.createBucket(b -> b.bucket(ARCHIVE));
            }
        }
        String redisUrl = ConfigProvider.getConfig().getValue("edgeledger.test.redis-url", String.class);
        try (TestRedis redis = new TestRedis(redisUrl)) {
            for (String batch : batches) {
                assertThat(redis.call("EXISTS", "edgeledger:ingested:metrics:" + probe.id + ":" + batch)).isEqualTo("0");
            }
            assertThat(redis.call("EXISTS", "edgeledger:ingested:metrics:" + probe.id + ":" + httpBatch)).isEqualTo("0");
        }

        // with S3 back, the probe's retries are stored (not "duplicate"), and a second retry is recognised
        assertThat(ingestConcurrently(probe.id, payloads)).containsOnly("accepted");
        probe.post("/v1/ingest/metrics", httpBody).then().statusCode(202).body("status", equalTo("accepted"));
        probe.post("/v1/ingest/metrics", httpBody).then().statusCode(200).body("status", equalTo("duplicate"));
        assertThat(ingestConcurrently(probe.id, payloads)).containsOnly("duplicate");
    }

    /** The archive bucket disappears (emptied, then deleted): every PUT fails with NoSuchBucket. */
    private static void removeArchiveBucket() {
        try (S3Client s3 = Api.s3()) {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(ARCHIVE)).contents()) {
                s3.deleteObject(b -> b.bucket(ARCHIVE).key(object.key()));
            }
            s3.deleteBucket(b -> b.bucket(ARCHIVE));
        }
    }

    /** Runs the ingestions at once; each outcome is the result status or "status code" of the ApiException. */
    private List<String> ingestConcurrently(String probeId, List<JsonNode> payloads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(payloads.size());
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(payloads.size())) {
            for (JsonNode payload : payloads) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        IngestResult result = ingest.ingest(probeId, WireMapper.mapper().treeToValue(payload, MetricsPayload.class));
                        return result.status();
                    } catch (ApiException e) {
                        return e.status() + " " + e.code();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            return outcomes;
        }
    }
}
