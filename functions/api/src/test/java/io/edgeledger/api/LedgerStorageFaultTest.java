package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.testing.CuttableTcpProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * S3 cut off in the middle of ledger reads under concurrent clients (the relay in front of S3 resets every connection,
 * so reads break mid-body, not only at connect): every answer is either the real one (200, verified) or 503
 * storage_unavailable; never "tampered", never 500. Then S3 comes back and the row verifies again.
 */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class LedgerStorageFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 6;

    record Answer(String endpoint, int status, String code, String verdict, boolean s3Down) {}

    @Test
    void s3StoppedMidRequestIsStorageUnavailableNeverTampered() throws Exception {
        SealedBatch batch = LedgerFixture.seal("etrap.public.orders", LedgerFixture.entries("etrap.public.orders", 1_790_000_000_000L));
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(batch));
        String leafHash = ((LeafOutcome.Leaf) batch.leaves().get(0)).hashHex();
        // a table of its own with many batches: a search for a row that is in none of them reads every batch, so S3
        // stopping mid-request (after the listing, between object reads) is likely, not a rare window
        Manifest other = null;
        for (int i = 0; i < 12; i++) {
            other = LedgerFixture.write(LedgerFixture.seal("etrap.public.customers",
                    LedgerFixture.entries("etrap.public.customers", 1_791_000_000_000L + i * 10_000L)));
        }
        String absentRow = "ab".repeat(32);
        String base = "http://localhost:" + RestAssured.port;
        Map<String, HttpRequest> requests = Map.of(
                "verify", request(base + "/v1/ledger/verify").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"leaf_hash\":\"" + leafHash + "\",\"batch_id\":\"" + minted.batchId() + "\"}")).build(),
                "show", request(base + "/v1/ledger/batches/" + minted.batchId()).GET().build(),
                "list", request(base + "/v1/ledger/batches?database=" + minted.database()).GET().build(),
                "search", request(base + "/v1/ledger/verify").POST(HttpRequest.BodyPublishers.ofString("{\"leaf_hash\":\"" + absentRow
                        + "\",\"database\":\"" + other.database() + "\",\"table\":\"" + other.table() + "\"}")).build());

        CuttableTcpProxy s3 = ApiTestResources.s3Link();
        assertThat(s3).as("the API's link to the shared S3 server of ApiTestResources").isNotNull();
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean s3Down = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                List<String> order = List.of("verify", "search", "show", "list", "search");
                int offset = c;
                clients.submit(() -> {
                    for (int i = offset; running.get(); i++) {
                        String endpoint = order.get(i % order.size());
                        boolean down = s3Down.get();
                        HttpResponse<String> response = http.send(requests.get(endpoint), HttpResponse.BodyHandlers.ofString());
                        JsonNode body = JSON.readTree(response.body());
                        answers.add(new Answer(endpoint, response.statusCode(), body.path("code").asText(null),
                                body.path("verdict").asText(null), down));
                    }
                    return null;
                });
            }
            awaitAnswers(answers, a -> a.status() == 200 && !a.s3Down(), 3 * CLIENTS, "answers while S3 is up");
            s3.cut();
            s3Down.set(true);
            for (String endpoint : requests.keySet()) {
                awaitAnswers(answers, a -> a.endpoint().equals(endpoint) && a.status() == 503 && a.s3Down(), 2,
                        "503 answers of " + endpoint + " while S3 is stopped");
            }
        } finally {
            s3.resume(); // the app and the server are shared with the other tests
            s3Down.set(false);
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        }

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as("%s", a).isIn(200, 503);
            assertThat(a.verdict()).as("%s", a).isNotEqualTo("tampered");
            if (a.status() == 503) {
                assertThat(a.code()).as("%s", a).isEqualTo("storage_unavailable");
            }
            if (a.status() == 200 && a.endpoint().equals("verify")) {
                assertThat(a.verdict()).as("%s", a).isEqualTo("verified");
            }
            if (a.status() == 200 && a.endpoint().equals("search")) {
                assertThat(a.verdict()).as("%s", a).isEqualTo("not_found");
            }
        });
        JsonNode after = JSON.readTree(http.send(requests.get("verify"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(after.path("verdict").asText()).isEqualTo("verified");
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + Api.operatorKey()).header("Content-Type", "application/json");
    }

    private static void awaitAnswers(Queue<Answer> answers, Predicate<Answer> wanted, int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (answers.stream().filter(wanted).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " " + what + " within 120 s; got " + answers);
            }
            Thread.sleep(20);
        }
    }
}
