package io.edgeledger.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.edgeledger.api.auth.ApiKeyFormat;
import io.edgeledger.api.support.TestRedis;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class ProbesAndAuthTest {

    @Test
    void operatorEndpointsRefuseMissingMalformedAndUnknownKeys() {
        given().get("/v1/probes").then().statusCode(401).body("code", equalTo("missing_api_key"));
        given().header("Authorization", "Basic abc").get("/v1/probes").then().statusCode(401).body("code", equalTo("invalid_authorization"));
        given().header("Authorization", "Bearer elk_0000").get("/v1/probes").then().statusCode(401).body("code", equalTo("invalid_api_key"));
        Api.operator().get("/v1/probes").then().statusCode(200);
    }

    @Test
    void apiKeysAreStoredOnlyAsPepperedHashes() throws Exception {
        // the test key was made by create-key without the API secret (plain SHA-256, the format before the pepper):
        // its first use re-hashes it as HMAC-SHA256(pepper from the local Secrets Manager, key)
        Api.operator().get("/v1/probes").then().statusCode(200);
        String redisUrl = ConfigProvider.getConfig().getValue("edgeledger.test.redis-url", String.class);
        String pepper = ConfigProvider.getConfig().getValue("edgeledger.test.operator-key-pepper", String.class);
        try (TestRedis redis = new TestRedis(redisUrl)) {
            assertThat(redis.call("HGET", "edgeledger:api-keys", ApiKeyFormat.hmac(pepper, Api.operatorKey()))).contains("test-operator");
            assertThat(redis.call("HGET", "edgeledger:api-keys", ApiKeyFormat.hash(Api.operatorKey()))).isNull();
            assertThat(redis.call("HGET", "edgeledger:api-keys", Api.operatorKey())).isNull();
        }
        Api.operator().get("/v1/probes").then().statusCode(200);
    }

    @Test
    void enrollListShowRevoke() {
        Response enrolled = Api.operator().contentType("application/json")
                .body("{\"name\":\"edge-1\",\"hostname\":\"edge-1.example\",\"tags\":[\"env:test\"]}").post("/v1/probes");
        enrolled.then().statusCode(201).body("secret", not(nullValue())).body("probe.status", equalTo("active"));
        String id = enrolled.path("probe_id");

        Api.operator().get("/v1/probes").then().statusCode(200).body("probes.probe_id", hasItem(id)).body("probes.secret", not(hasItem(not(nullValue()))));
        Api.operator().get("/v1/probes/" + id).then().statusCode(200)
                .body("name", equalTo("edge-1")).body("hostname", equalTo("edge-1.example")).body("secret", nullValue());
        Api.operator().delete("/v1/probes/" + id).then().statusCode(200).body("status", equalTo("revoked")).body("revoked_at", not(nullValue()));
        Api.operator().get("/v1/probes/" + id).then().body("status", equalTo("revoked"));
    }

    @Test
    void unknownProbeIs404AndBadTagsAre400() {
        Api.operator().get("/v1/probes/p-nope").then().statusCode(404).body("code", equalTo("probe_not_found"));
        Api.operator().delete("/v1/probes/p-nope").then().statusCode(404).body("code", equalTo("probe_not_found"));
        Api.operator().contentType("application/json").body("{\"tags\":[\"\"]}").post("/v1/probes").then().statusCode(400)
                .body("code", equalTo("invalid_tags"));
        Api.operator().contentType("application/json").body("{\"tags\":").post("/v1/probes").then().statusCode(400)
                .body("code", not(nullValue())).body("message", not(nullValue()));
    }

    @Test
    void revocationTakesEffectOnTheNextRequest() {
        SignedProbe probe = SignedProbe.enroll("revoke-me");
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(200);
        Api.operator().delete("/v1/probes/" + probe.id).then().statusCode(200);
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(403).body("code", equalTo("probe_revoked"));
    }

    /**
     * The API keeps a verified probe's secret in memory for a few seconds; these requests all come right after one that
     * verified, so they take the cached path, and must still get the uncached answers in the documented order.
     */
    @Test
    void aRecentlyVerifiedProbeGetsTheSameAnswersAsAColdOne() {
        SignedProbe probe = SignedProbe.enroll("cached-secret");
        String path = "/v1/probes/" + probe.id + "/jobs";
        probe.get(path, "wait=0").then().statusCode(200);
        SignedProbe forger = new SignedProbe(probe.id, "eps_" + "0".repeat(64));
        forger.get(path, "wait=0").then().statusCode(401).body("code", equalTo("bad_signature"));
        String nonce = io.edgeledger.wire.CallbackSignature.newNonce(new java.security.SecureRandom());
        probe.signed("GET", path, new byte[0], java.time.Instant.now(), nonce).get(path).then().statusCode(200);
        probe.signed("GET", path, new byte[0], java.time.Instant.now(), nonce).get(path).then().statusCode(401)
                .body("code", equalTo("nonce_reused"));
        probe.signed("GET", path, new byte[0], java.time.Instant.now().minusSeconds(400),
                io.edgeledger.wire.CallbackSignature.newNonce(new java.security.SecureRandom())).get(path).then().statusCode(401)
                .body("code", equalTo("timestamp_skew"));

        Api.operator().delete("/v1/probes/" + probe.id).then().statusCode(200);
        // revoked wins over every later check, cached secret or not
        probe.get(path, "wait=0").then().statusCode(403).body("code", equalTo("probe_revoked"));
        forger.get(path, "wait=0").then().statusCode(403).body("code", equalTo("probe_revoked"));
        probe.signed("GET", path, new byte[0], java.time.Instant.now().minusSeconds(400),
                io.edgeledger.wire.CallbackSignature.newNonce(new java.security.SecureRandom())).get(path).then().statusCode(403)
                .body("code", equalTo("probe_revoked"));
    }

    @Test
    void healthAndOpenApi() {
        given().get("/health").then().statusCode(200).body("status", equalTo("ok"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/v1/ingest/{kind}"));
        given().get("/v1/nothing-here").then().statusCode(404).body("code", equalTo("not_found"));
    }
}
