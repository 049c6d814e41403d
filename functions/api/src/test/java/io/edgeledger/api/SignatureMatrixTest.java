package io.edgeledger.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.ShiftableClock;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.api.support.TestRedis;
import io.edgeledger.wire.CallbackSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** DESIGN.md 2.5: every way a probe request can fail its signature check, and the status and code it gets. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class SignatureMatrixTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PATH = "/v1/ingest/metrics";

    private static byte[] body() {
        return Payloads.metrics(Payloads.batchId(), "sig.test", Instant.now().getEpochSecond(), 1).getBytes(StandardCharsets.UTF_8);
    }

    private static String nonce() {
        return CallbackSignature.newNonce(RANDOM);
    }

    @Test
    void aCorrectlySignedRequestIsAccepted() {
        SignedProbe probe = SignedProbe.enroll("sig-ok");
        probe.post(PATH, body(), Instant.now(), nonce(), null).then().statusCode(202).body("status", equalTo("accepted"));
    }

    @Test
    void clockSkewOver300sIs401InBothDirections() {
        SignedProbe probe = SignedProbe.enroll("sig-skew");
        probe.post(PATH, body(), Instant.now().minusSeconds(301), nonce(), null).then().statusCode(401).body("code", equalTo("timestamp_skew"));
        probe.post(PATH, body(), Instant.now().plusSeconds(301), nonce(), null).then().statusCode(401).body("code", equalTo("timestamp_skew"));
        // inside the window is fine
        probe.post(PATH, body(), Instant.now().minusSeconds(290), nonce(), null).then().statusCode(202);
    }

    @Test
    void aReusedNonceIs401() {
        SignedProbe probe = SignedProbe.enroll("sig-nonce");
        String nonce = nonce();
        probe.post(PATH, body(), Instant.now(), nonce, null).then().statusCode(202);
        probe.post(PATH, body(), Instant.now(), nonce, null).then().statusCode(401).body("code", equalTo("nonce_reused"));
    }

    @Test
    void aNonceIsOnlyBurnedByAValidSignature() {
        SignedProbe probe = SignedProbe.enroll("sig-burn");
        SignedProbe forger = new SignedProbe(probe.id, "eps_wrong");
        String nonce = nonce();
        forger.post(PATH, body(), Instant.now(), nonce, null).then().statusCode(401).body("code", equalTo("bad_signature"));
        probe.post(PATH, body(), Instant.now(), nonce, null).then().statusCode(202);
    }

    @Test
    void aBadSignatureIs401() {
        SignedProbe probe = SignedProbe.enroll("sig-bad");
        new SignedProbe(probe.id, probe.secret + "x").post(PATH, body(), Instant.now(), nonce(), null)
                .then().statusCode(401).body("code", equalTo("bad_signature")).body("message", notNullValue());
        // signed over one body, another body sent
        byte[] signedBody = body();
        probe.signed("POST", PATH, signedBody, Instant.now(), nonce()).contentType("application/json").body(body()).post(PATH)
                .then().statusCode(401).body("code", equalTo("bad_signature"));
        // signed for another path
        byte[] b = body();
        probe.signed("POST", "/v1/ingest/events", b, Instant.now(), nonce()).contentType("application/json").body(b).post(PATH)
                .then().statusCode(401).body("code", equalTo("bad_signature"));
        // garbage signature header
        given().header(CallbackSignature.HEADER_PROBE, probe.id)
                .header(CallbackSignature.HEADER_TIMESTAMP, Long.toString(Instant.now().getEpochSecond()))
                .header(CallbackSignature.HEADER_NONCE, nonce()).header(CallbackSignature.HEADER_SIGNATURE, "v1=zz")
                .contentType("application/json").body(body()).post(PATH).then().statusCode(401).body("code", equalTo("bad_signature"));
    }

    @Test
    void aBadBodyIsAnsweredOnlyAfterEveryAuthCheckAndStillSpendsItsNonce() {
        // the body is bound during authentication (its idempotency marker is read with the nonce), yet its errors come
        // after the signature, probe, nonce and rate-limit answers, as they did when it was bound afterwards
        SignedProbe probe = SignedProbe.enroll("sig-bad-body");
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        String used = nonce();
        probe.post(PATH, body(), Instant.now(), used, null).then().statusCode(202);
        probe.post(PATH, notJson, Instant.now(), used, null).then().statusCode(401).body("code", equalTo("nonce_reused"));
        new SignedProbe(probe.id, probe.secret + "x").post(PATH, notJson, Instant.now(), nonce(), null)
                .then().statusCode(401).body("code", equalTo("bad_signature"));

        String fresh = nonce();
        probe.post(PATH, notJson, Instant.now(), fresh, null).then().statusCode(400).body("code", equalTo("invalid_json"));
        probe.post(PATH, body(), Instant.now(), fresh, null).then().statusCode(401).body("code", equalTo("nonce_reused"));

        Api.operator().delete("/v1/probes/" + probe.id).then().statusCode(200);
        probe.post(PATH, notJson, Instant.now(), nonce(), null).then().statusCode(403).body("code", equalTo("probe_revoked"));
    }

    @Test
    void unknownAndRevokedProbesAre403() {
        new SignedProbe("p-000000000000", "eps_x").post(PATH, body(), Instant.now(), nonce(), null)
                .then().statusCode(403).body("code", equalTo("unknown_probe"));
        SignedProbe probe = SignedProbe.enroll("sig-revoked");
        Api.operator().delete("/v1/probes/" + probe.id).then().statusCode(200);
        probe.post(PATH, body(), Instant.now(), nonce(), null).then().statusCode(403).body("code", equalTo("probe_revoked"));
    }

    @Test
    void aNonceReplayed400sLaterWithAFreshTimestampIsStillRefused() {
        SignedProbe probe = SignedProbe.enroll("sig-nonce-late");
        String nonce = nonce();
        Instant first = ShiftableClock.apiNow();
        probe.post(PATH, body(), first, nonce, null).then().statusCode(202);

        // 400 s pass, for the API's clock and for what Redis remembers (its expiry counts down by the same 400 s)
        String key = RedisKeys.nonce(probe.id, nonce.toLowerCase());
        try (TestRedis redis = new TestRedis(ConfigProvider.getConfig().getValue("edgeledger.test.redis-url", String.class))) {
            long left = Long.parseLong(redis.call("PTTL", key));
            assertThat(left).as("the nonce is remembered with an expiry").isPositive();
            if (left > 400_000) {
                redis.call("PEXPIRE", key, Long.toString(left - 400_000));
            } else {
                redis.call("DEL", key); // forgotten before 400 s: the replay below must then fail the test
            }
        }
        ShiftableClock.shift(Duration.ofSeconds(400));
        try {
            // the clock really moved: the first timestamp is now past the 300 s skew, so only a fresh one gets through
            probe.post(PATH, body(), first, nonce(), null).then().statusCode(401).body("code", equalTo("timestamp_skew"));
            probe.post(PATH, body(), ShiftableClock.apiNow(), nonce(), null).then().statusCode(202);
            probe.post(PATH, body(), ShiftableClock.apiNow(), nonce, null).then().statusCode(401).body("code", equalTo("nonce_reused"));
        } finally {
            ShiftableClock.reset();
        }
    }

    @Test
    void missingOrMalformedHeadersAre401() {
        given().contentType("application/json").body(body()).post(PATH).then().statusCode(401).body("code", equalTo("missing_signature"));
        SignedProbe probe = SignedProbe.enroll("sig-malformed");
        probe.post(PATH, body(), Instant.now(), "not-hex", null).then().statusCode(401).body("code", equalTo("invalid_nonce"));
        given().header(CallbackSignature.HEADER_PROBE, probe.id).header(CallbackSignature.HEADER_TIMESTAMP, "yesterday")
                .header(CallbackSignature.HEADER_NONCE, nonce()).header(CallbackSignature.HEADER_SIGNATURE, "v1=00")
                .contentType("application/json").body(body()).post(PATH).then().statusCode(401).body("code", equalTo("invalid_timestamp"));
    }

    @Test
    void aProbeMayOnlyPollItsOwnJobs() {
        SignedProbe a = SignedProbe.enroll("sig-a");
        SignedProbe b = SignedProbe.enroll("sig-b");
        a.get("/v1/probes/" + b.id + "/jobs", "wait=0").then().statusCode(403).body("code", equalTo("wrong_probe"));
    }

    @Test
    void probesAreRateLimitedWith429AndRetryAfter() {
        SignedProbe probe = SignedProbe.enroll("sig-rate");
        // One second of the API's clock, however long the requests take on a loaded machine: the clock stands still and
        // the second's counter in Redis is kept past its 2 s expiry, so exactly the 21st request is over the limit.
        ShiftableClock.freeze();
        String counter = RedisKeys.rate(probe.id, ShiftableClock.apiNow().getEpochSecond());
        try (TestRedis redis = new TestRedis(ConfigProvider.getConfig().getValue("edgeledger.test.redis-url", String.class))) {
            probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(200);
            assertThat(redis.call("PERSIST", counter)).as("the first request of the second starts its counter").isEqualTo("1");
            for (int i = 2; i <= 20; i++) {
                probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(200);
            }
            Response limited = probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0");
            limited.then().statusCode(429).body("code", equalTo("rate_limited"));
            assertThat(limited.header("Retry-After")).isEqualTo("1");
            // another probe is not affected
            SignedProbe other = SignedProbe.enroll("sig-rate-other");
            other.get("/v1/probes/" + other.id + "/jobs", "wait=0").then().statusCode(200);
            // the next second has a budget of its own
            ShiftableClock.shift(Duration.ofSeconds(1));
            probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(200);
            redis.call("DEL", counter);
        } finally {
            ShiftableClock.reset();
        }
    }

    @Test
    void requestLogsCarryNoSecrets() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("io.edgeledger.api.requests");
        logger.addHandler(capture);
        try {
            SignedProbe probe = SignedProbe.enroll("sig-log");
            byte[] b = body();
            java.util.Map<String, String> headers = new CallbackSignature(probe.secret).headers(probe.id, Instant.now(), nonce(), "POST", PATH, b);
            given().headers(headers).contentType("application/json").body(b).post(PATH).then().statusCode(202);
            Api.operator().get("/v1/probes").then().statusCode(200);
            assertThat(lines).isNotEmpty();
            assertThat(String.join("\n", lines))
                    .contains(probe.id)
                    .doesNotContain(probe.secret)
                    .doesNotContain(headers.get(CallbackSignature.HEADER_SIGNATURE).substring(3))
                    .doesNotContain(Api.operatorKey());
        } finally {
            logger.removeHandler(capture);
        }
    }
}
