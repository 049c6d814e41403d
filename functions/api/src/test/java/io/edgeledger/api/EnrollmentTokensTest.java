package io.edgeledger.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class EnrollmentTokensTest {
    /** Every log line the API writes while a test runs. */
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String text = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
            logLines.add(r.getLoggerName() + " " + text + (r.getThrown() != null ? " " + r.getThrown() : ""));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static Response create(String body) {
        return Api.operator().contentType("application/json").body(body).post("/v1/enrollment-tokens");
    }

    private static Response exchange(String token, String hostname) {
        return given().contentType("application/json")
                .body("{\"token\":\"" + token + "\",\"hostname\":\"" + hostname + "\",\"version\":\"0.1.0\"}").post("/v1/enroll");
    }

    @Test
    void aTokenBecomesOneWorkingProbeAndNeitherTokenNorSecretIsLogged() {
        Response created = create("{\"ttl\":600,\"tags\":[\"env:test\",\"site:par\"],\"name_prefix\":\"edge\"}");
        created.then().statusCode(201).body("enrollment_token.status", equalTo("active"))
                .body("enrollment_token.tags", hasItem("site:par"));
        String token = created.path("token");
        String tokenId = created.path("enrollment_token.token_id");
        assertThat(token).startsWith("elt_" + tokenId + "_");

        Api.operator().get("/v1/enrollment-tokens").then().statusCode(200)
                .body("enrollment_tokens.token_id", hasItem(tokenId)).body("enrollment_tokens.token", not(hasItem(not(nullValue()))));

        Response enrolled = given().contentType("application/json")
                .body("{\"token\":\"" + token + "\",\"hostname\":\"host-1.example\",\"version\":\"0.1.0\",\"tags\":[\"rack:7\"]}")
                .post("/v1/enroll");
        enrolled.then().statusCode(201).body("probe.name", equalTo("edge-host-1.example"))
                .body("probe.hostname", equalTo("host-1.example"));
        assertThat(enrolled.<List<String>>path("probe.tags")).containsExactly("env:test", "site:par", "rack:7");
        SignedProbe probe = new SignedProbe(enrolled.path("probe_id"), enrolled.path("secret"));
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(200);

        Api.operator().get("/v1/enrollment-tokens/" + tokenId).then().statusCode(200)
                .body("status", equalTo("used")).body("probe_id", equalTo(probe.id)).body("used_at", not(nullValue()));

        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("/v1/enroll").contains(tokenId)); // capture works
        assertThat(logLines).noneSatisfy(l -> assertThat(l).contains(token));
        assertThat(logLines).noneSatisfy(l -> assertThat(l).contains(probe.secret));
        assertThat(logLines).noneSatisfy(l -> assertThat(l).contains(token.substring(token.lastIndexOf('_') + 1)));
    }

    @Test
    void twoProbesOneTokenExactlyOneWins() throws Exception {
        String token = create("{\"ttl\":600}").path("token");
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String host = "racer-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return exchange(token, host);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                statuses.add(r.statusCode());
                if (r.statusCode() != 201) {
                    codes.add(r.path("code"));
                }
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 403).hasSize(racers - 1);
            assertThat(codes).containsOnly("enrollment_token_used");
        } finally {
            pool.shutdownNow();
        }
        exchange(token, "late").then().statusCode(403).body("code", equalTo("enrollment_token_used"))
                .body("message", not(nullValue()));
    }

    @Test
    void expiredAndRevokedTokensAreRefusedWith403() throws Exception {
        Response shortLived = create("{\"ttl\":1}");
        String expiring = shortLived.path("token");
        Response toRevoke = create("{\"ttl\":600}");
        String revoked = toRevoke.path("token");
        String revokedId = toRevoke.path("enrollment_token.token_id");

        Api.operator().delete("/v1/enrollment-tokens/" + revokedId).then().statusCode(200).body("status", equalTo("revoked"));
        exchange(revoked, "h").then().statusCode(403).body("code", equalTo("enrollment_token_revoked"));

        long deadline = System.currentTimeMillis() + 30_000;
        while (Api.operator().get("/v1/enrollment-tokens/" + shortLived.path("enrollment_token.token_id"))
                .path("status").equals("active") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        exchange(expiring, "h").then().statusCode(403).body("code", equalTo("enrollment_token_expired"));
        Api.operator().get("/v1/enrollment-tokens/" + shortLived.path("enrollment_token.token_id")).then()
                .body("status", equalTo("expired"));
    }

    @Test
    void malformedUnknownAndBadRequestsGetClearErrors() {
        exchange("not-a-token", "h").then().statusCode(403).body("code", equalTo("enrollment_token_invalid"));
        exchange("elt_000000000000_" + "0".repeat(64), "h").then().statusCode(403).body("code", equalTo("enrollment_token_invalid"));
        given().contentType("application/json").body("{}").post("/v1/enroll").then().statusCode(400).body("code", equalTo("missing_token"));
        given().contentType("application/json").body("{\"ttl\":60}").post("/v1/enrollment-tokens").then().statusCode(401);
        create("{\"ttl\":0}").then().statusCode(400).body("code", equalTo("invalid_ttl"));
        create("{\"tags\":[\"\"]}").then().statusCode(400).body("code", equalTo("invalid_tags"));
        create("{\"name_prefix\":\"a b\"}").then().statusCode(400).body("code", equalTo("invalid_name_prefix"));
        Api.operator().delete("/v1/enrollment-tokens/ffffffffffff").then().statusCode(404).body("code", equalTo("enrollment_token_not_found"));
    }

    @Test
    void exchangesOfOneTokenAreRateLimited() {
        String token = create("{\"ttl\":600}").path("token");
        String wrong = token.substring(0, token.length() - 4) + "0000";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) { // over two windows if a minute turns: one still gets more than 10
            statuses.add(exchange(wrong, "h").statusCode());
        }
        assertThat(statuses).contains(429);
        assertThat(statuses).containsOnly(403, 429);
        Response limited = exchange(wrong, "h");
        if (limited.statusCode() == 429) {
            assertThat(limited.header("Retry-After")).isNotNull();
            assertThat(limited.<String>path("code")).isEqualTo("rate_limited");
        }
    }
}
