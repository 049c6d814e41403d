package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped while probes ingest and long-poll for jobs: every answer is either the normal one or 503
 * {@code redis_unavailable} with Retry-After (never a 500), and the API serves again once Redis is back.
 */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class RedisOutageTest {

    record Answer(String what, int status, String code, String retryAfter) {}

    @Test
    void whileRedisIsDownIngestionAndJobPollsAnswer503WithRetryAfter() throws Exception {
        SignedProbe probe = SignedProbe.enroll("outage-probe");
        List<Supplier<Response>> calls = List.of(
                () -> probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "outage.m", Instant.now().getEpochSecond(), 1.0)),
                () -> probe.get("/v1/probes/" + probe.id + "/jobs", "wait=1"));
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Supplier<Response> call = calls.get(i % 2);
                String what = i % 2 == 0 ? "ingest" : "job poll";
                running.add(clients.submit(() -> {
                    while (!done.get()) {
                        if (what.equals("ingest")) {
                            // pacing, not waiting for a condition: three ingesting clients share one probe, whose
                            // limit is 20 requests a second; unpaced through the fast local bridge they met 429
                            Thread.sleep(200);
                        }
                        Response r = call.get();
                        answers.add(new Answer(what + (stopped.get() ? " (redis stopped)" : ""), r.statusCode(),
                                r.statusCode() >= 400 ? r.jsonPath().getString("code") : null, r.header("Retry-After")));
                    }
                    return null;
                }));
            }
            awaitUntil(() -> answers.stream().filter(a -> a.status() < 300).count() >= 6, "normal answers before the outage");
            ApiTestResources.stopRedis();
            stopped.set(true);
            awaitUntil(() -> answers.stream().filter(a -> a.status() == 503 && a.what().startsWith("ingest")).count() >= 3
                    && answers.stream().filter(a -> a.status() == 503 && a.what().startsWith("job poll")).count() >= 3,
                    "503s for both ingestion and job polls while Redis is down");
        } finally {
            done.set(true);
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
            if (stopped.get()) {
                ApiTestResources.restartRedis();
            }
        }
        for (Answer a : answers) {
            assertThat(a.status()).as(a.toString()).isIn(200, 201, 202, 503);
            if (a.status() == 503) {
                assertThat(a.code()).as(a.toString()).isEqualTo("redis_unavailable");
                assertThat(a.retryAfter()).as(a.toString()).isNotBlank();
            }
        }
        // Back: the same calls succeed again (a new probe, since Redis came back empty).
        SignedProbe again = SignedProbe.enroll("after-outage");
        awaitUntil(() -> again.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "outage.m",
                Instant.now().getEpochSecond(), 1.0)).statusCode() < 300, "ingestion after Redis is back");
        assertThat(again.get("/v1/probes/" + again.id + "/jobs", "wait=0").statusCode()).isEqualTo(200);
    }

    private static void awaitUntil(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
