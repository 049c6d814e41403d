package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.archive.ArchiveLines;
import io.edgeledger.api.archive.ArchiveStore;
import io.edgeledger.api.support.TestRedis;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.wire.CallbackSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Signed ingestion of the four kinds, idempotency, validation errors, and the Redis/S3 query paths. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class IngestionTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metricsAreIngestedOnceAndQueryable() throws Exception {
        SignedProbe probe = SignedProbe.enroll("ingest-metrics");
        String batch = Payloads.batchId();
        long ts = Instant.now().getEpochSecond() - 30;
        String body = Payloads.metrics(batch, "ingest.test.cpu", ts, 42.5, "env:test", "probe:" + probe.id);
        probe.post("/v1/ingest/metrics", body).then().statusCode(202).body("status", equalTo("accepted")).body("items", equalTo(1));
        // the retry of the same batch (a fresh nonce, as the forwarder sends) is recognised
        probe.post("/v1/ingest/metrics", body).then().statusCode(200).body("status", equalTo("duplicate")).body("batch_id", equalTo(batch));

        Api.operator().queryParam("name", "ingest.test.cpu").queryParam("tags", "probe:" + probe.id)
                .get("/v1/metrics").then().statusCode(200)
                .body("series", hasSize(1))
                .body("series[0].points", hasSize(1))
                .body("series[0].points[0][0]", equalTo((int) ts))
                .body("series[0].points[0][1]", equalTo(42.5f))
                .body("series[0].host", equalTo("edge-1"));
        Api.operator().queryParam("name", "ingest.test.cpu").queryParam("tags", "probe:nobody")
                .get("/v1/metrics").then().statusCode(200).body("series", hasSize(0));
        Api.operator().get("/v1/metrics").then().statusCode(400).body("code", equalTo("invalid_parameter"));
        Api.operator().queryParam("name", "x").queryParam("from", "soon").get("/v1/metrics").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));

        // archived once, as a line of a grouped object of the data's day, holding the batch as sent (same JSON)
        List<JsonNode> archived = new java.util.ArrayList<>();
        try (S3Client s3 = Api.s3()) {
            String prefix = ArchiveStore.groupPrefix("metrics", LocalDate.ofInstant(Instant.ofEpochSecond(ts), ZoneOffset.UTC));
            for (var object : s3.listObjectsV2Paginator(b -> b.bucket("edgeledger-archive").prefix(prefix)).contents()) {
                for (ArchiveLines.Line line : ArchiveLines.decode(JSON, s3.getObjectAsBytes(b -> b.bucket("edgeledger-archive").key(object.key())).asByteArray())) {
                    if (batch.equals(line.batchId())) {
                        assertThat(line.probeId()).isEqualTo(probe.id);
                        assertThat(line.kind()).isEqualTo("metrics");
                        archived.add(line.payload());
                    }
                }
            }
        }
        assertThat(archived).containsExactly(JSON.readTree(body));
    }

    @Test
    void samePointsInTwoBatchesAreNotDoubled() {
        SignedProbe probe = SignedProbe.enroll("ingest-replay");
        long ts = Instant.now().getEpochSecond() - 10;
        probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "ingest.test.replay", ts, 1, "p:" + probe.id)).then().statusCode(202);
        probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "ingest.test.replay", ts, 1, "p:" + probe.id)).then().statusCode(202);
        Api.operator().queryParam("name", "ingest.test.replay").queryParam("tags", "p:" + probe.id).get("/v1/metrics")
                .then().body("series[0].points", hasSize(1));
    }

    /** The marker vouches for the views: when a view write fails, the batch is not marked, so the retry stores it. */
    @Test
    void aFailedViewWriteLeavesNoIdempotencyMarker() {
        SignedProbe probe = SignedProbe.enroll("ingest-view-fails");
        String batch = Payloads.batchId();
        String body = Payloads.metrics(batch, "ingest.test.viewfail", Instant.now().getEpochSecond() - 5, 3, "p:" + probe.id);
        String redisUrl = ConfigProvider.getConfig().getValue("edgeledger.test.redis-url", String.class);
        try (TestRedis redis = new TestRedis(redisUrl)) {
            // the series hash (the first view write) becomes a string for one request: HSET answers WRONGTYPE
            boolean existed = "1".equals(redis.call("EXISTS", "edgeledger:metrics:series"));
            if (existed) {
                redis.call("RENAME", "edgeledger:metrics:series", "edgeledger:test:series-aside");
            }
            redis.call("SET", "edgeledger:metrics:series", "not a hash");
            try {
                probe.post("/v1/ingest/metrics", body).then().statusCode(500);
            } finally {
                redis.call("DEL", "edgeledger:metrics:series");
                if (existed) {
                    redis.call("RENAME", "edgeledger:test:series-aside", "edgeledger:metrics:series");
                }
            }
            assertThat(redis.call("EXISTS", "edgeledger:ingested:metrics:" + probe.id + ":" + batch)).isEqualTo("0");
        }
        probe.post("/v1/ingest/metrics", body).then().statusCode(202).body("status", equalTo("accepted"));
    }

    /**
     * Sent as application/octet-stream: Quarkus' test-mode Lambda event server turns JSON-typed bodies into text,
     * which would corrupt gzip bytes (API Gateway itself base64-encodes them). The local mode always base64-encodes.
     */
    @Test
    void gzipBodiesAreSignedAsSentAndInflated() throws Exception {
        SignedProbe probe = SignedProbe.enroll("ingest-gzip");
        String batch = Payloads.batchId();
        byte[] plain = Payloads.checkRuns(batch, Instant.now().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(plain);
        }
        probe.post("/v1/ingest/check-runs", zipped.toByteArray(), Instant.now(), CallbackSignature.newNonce(RANDOM), "gzip")
                .then().statusCode(202).body("items", equalTo(1));
        probe.post("/v1/ingest/check-runs", "not gzip".getBytes(), Instant.now(), CallbackSignature.newNonce(RANDOM), "gzip")
                .then().statusCode(400).body("code", equalTo("invalid_gzip"));
        probe.post("/v1/ingest/check-runs", plain, Instant.now(), CallbackSignature.newNonce(RANDOM), "br")
                .then().statusCode(415).body("code", equalTo("unsupported_encoding"));
    }

    @Test
    void invalidBodiesGetClear400s() {
        SignedProbe probe = SignedProbe.enroll("ingest-invalid");
        probe.post("/v1/ingest/metrics", "{\"series\":[]}").then().statusCode(400)
                .body("code", equalTo("invalid_payload")).body("message", containsString("batch_id"));
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"has space\",\"series\":[]}").then().statusCode(400)
                .body("message", containsString("batch_id"));
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"b1\",\"series\":[{\"metric\":\"m\",\"type\":\"histo\",\"points\":[]}]}")
                .then().statusCode(400).body("message", containsString("series[0].type"));
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"b1\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\",\"points\":[[1]]}]}")
                .then().statusCode(400).body("message", containsString("series[0].points[0]"));
        probe.post("/v1/ingest/traceroute", "{\"batch_id\":\"b1\",\"timestamp\":1}").then().statusCode(400)
                .body("message", containsString("result"));
        probe.post("/v1/ingest/check-runs", "{\"batch_id\":\"b1\",\"runs\":[{\"check\":\"c\",\"status\":\"fine\",\"timestamp\":1}]}")
                .then().statusCode(400).body("message", containsString("runs[0].status"));
        probe.post("/v1/ingest/events", "{\"batch_id\":\"b1\",\"events\":[{\"id\":\"x\"}]}").then().statusCode(400)
                .body("message", containsString("events[0].id"));
        probe.post("/v1/ingest/metrics", "{not json").then().statusCode(400).body("code", equalTo("invalid_json"));
        probe.post("/v1/ingest/metrics", "[1,2]").then().statusCode(400).body("code", equalTo("invalid_payload"));
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"b1\",\"probe_id\":\"p-other\",\"series\":[]}").then().statusCode(400)
                .body("code", equalTo("probe_mismatch"));
        probe.post("/v1/ingest/logs", "{}").then().statusCode(404).body("code", equalTo("unknown_ingest_kind"));
    }

    @Test
    void oversizedBodiesGet413() {
        SignedProbe probe = SignedProbe.enroll("ingest-large");
        String padding = "x".repeat(1_100_000);
        probe.post("/v1/ingest/events", "{\"batch_id\":\"big\",\"events\":[],\"pad\":\"" + padding + "\"}")
                .then().statusCode(413).body("code", equalTo("body_too_large"));
    }

    @Test
    void tracerouteResultsAnswerPathQueriesFromRedis() {
        SignedProbe probe = SignedProbe.enroll("ingest-paths");
        long now = Instant.now().getEpochSecond();
        probe.post("/v1/ingest/traceroute", Payloads.traceroute(Payloads.batchId(), null, now - 60, "a.example")).then().statusCode(202);
        probe.post("/v1/ingest/traceroute", Payloads.traceroute(Payloads.batchId(), null, now - 30, "b.example")).then().statusCode(202);
        Api.operator().queryParam("probe", probe.id).get("/v1/paths").then().statusCode(200)
                .body("paths", hasSize(2)).body("paths[0].target", equalTo("b.example")).body("sources", equalTo(List.of("redis")))
                .body("paths[0].result.traceroute.runs[0].hops[0].ip_address", equalTo("198.18.1.1"));
        Api.operator().queryParam("probe", probe.id).queryParam("target", "a.example").get("/v1/paths").then()
                .body("paths", hasSize(1)).body("paths[0].probe_id", equalTo(probe.id));
        Api.operator().queryParam("probe", probe.id).queryParam("since", Instant.now().minusSeconds(45).toString()).get("/v1/paths").then()
                .body("paths", hasSize(1));
        Api.operator().queryParam("limit", "0").get("/v1/paths").then().statusCode(400);
    }

    @Test
    void resultsOlderThanTheRedisWindowAreAnsweredFromTheS3Archive() {
        SignedProbe probe = SignedProbe.enroll("ingest-archive");
        Instant old = Instant.now().minus(5, ChronoUnit.DAYS);
        String batch = Payloads.batchId();
        probe.post("/v1/ingest/traceroute", Payloads.traceroute(batch, null, old.getEpochSecond(), "old.example")).then().statusCode(202);
        probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "ingest.test.old", old.getEpochSecond(), 7, "p:" + probe.id))
                .then().statusCode(202);
        // Redis trimmed them at once (older than the 48 h window); only S3 can answer
        Api.operator().queryParam("probe", probe.id).get("/v1/paths").then().body("paths", hasSize(0));
        Api.operator().queryParam("probe", probe.id).queryParam("since", old.minusSeconds(3600).toString()).get("/v1/paths").then()
                .statusCode(200).body("paths", hasSize(1)).body("paths[0].batch_id", equalTo(batch))
                .body("paths[0].target", equalTo("old.example")).body("sources", hasItem("s3"));
        Api.operator().queryParam("name", "ingest.test.old").queryParam("tags", "p:" + probe.id)
                .queryParam("from", old.minusSeconds(60).getEpochSecond()).queryParam("to", old.plusSeconds(60).getEpochSecond())
                .get("/v1/metrics").then().statusCode(200).body("series[0].points[0][1]", equalTo(7.0f)).body("sources", hasItem("s3"));
    }

    @Test
    void devlogEventsBuildSessionsAndSurviveRedisExpiryThroughS3() throws Exception {
        SignedProbe probe = SignedProbe.enroll("ingest-devlog");
        String session = "sess-" + Payloads.batchId();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String e1 = Payloads.event("a".repeat(63) + "1", t.minusSeconds(20), "session_start", session);
        String e2 = Payloads.event("a".repeat(63) + "2", t.minusSeconds(10), "user_message", session);
        String batch = Payloads.batchId();
        probe.post("/v1/ingest/events", Payloads.events(batch, e1, e2)).then().statusCode(202).body("items", equalTo(2));
        probe.post("/v1/ingest/events", Payloads.events(batch, e1, e2)).then().statusCode(200).body("status", equalTo("duplicate"));
        // the same event again in a new batch is not a second event
        probe.post("/v1/ingest/events", Payloads.events(Payloads.batchId(), e2)).then().statusCode(202);

        Response sessions = Api.operator().get("/v1/devlog/sessions");
        sessions.then().statusCode(200);
        List<String> ids = sessions.jsonPath().getList("sessions.session_id");
        assertThat(ids).contains(session);
        Api.operator().queryParam("agent", "claude-code").get("/v1/devlog/sessions").then().body("sessions.session_id", hasItem(session));
        Api.operator().get("/v1/devlog/sessions/" + session + "/events").then().statusCode(200)
                .body("events", hasSize(2)).body("events[0].eventType", equalTo("session_start")).body("source", equalTo("redis"));
        Api.operator().queryParam("type", "user_message").get("/v1/devlog/sessions/" + session + "/events").then().body("events", hasSize(1));

        // Redis lets the session expire; the archive still answers
        String redisUrl = ConfigProvider.getConfig().getValue("edgeledger.test.redis-url", String.class);
        try (TestRedis redis = new TestRedis(redisUrl)) {
            redis.call("DEL", "edgeledger:devlog:session:" + session, "edgeledger:devlog:events:" + session);
        }
        Api.operator().get("/v1/devlog/sessions/" + session + "/events").then().statusCode(200)
                .body("events", hasSize(2)).body("source", equalTo("s3"));
        Api.operator().get("/v1/devlog/sessions/no-such-session/events").then().statusCode(404).body("code", equalTo("session_not_found"));
    }
}
