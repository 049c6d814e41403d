package io.edgeledger.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bad input a new user might send: each is a 4xx whose {code,message} body names the field, never an empty answer. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class BadInputTest {

    private static ValidatableResponse post(String path, String json) {
        return Api.operator().contentType("application/json").body(json).post(path).then();
    }

    @Test
    void anArrayWhereAnObjectBelongsIsNamed() {
        post("/v1/jobs", "[]").statusCode(400).body("code", equalTo("invalid_body"))
                .body("message", equalTo("the body must be a JSON object"));
        post("/v1/probes", "[{\"name\":\"x\"}]").statusCode(400).body("code", equalTo("invalid_body"))
                .body("message", equalTo("the body must be a JSON object"));
        SignedProbe probe = SignedProbe.enroll("bad-array");
        post("/v1/jobs", "{\"probe_id\":\"" + probe.id + "\",\"params\":[\"198.18.0.1\"]}").statusCode(400)
                .body("message", equalTo("params must be a JSON object"));
    }

    @Test
    void aJobParamIsNamedWithItsLimit() {
        SignedProbe probe = SignedProbe.enroll("bad-params");
        post("/v1/jobs", "{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"max-ttl\":500}}").statusCode(400)
                .body("message", equalTo("params.max-ttl must be between 1 and 255, got 500"));
        post("/v1/jobs", "{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"colour\":\"red\"}}").statusCode(400)
                .body("message", startsWith("params.colour is not a traceroute parameter"));
    }

    @Test
    void aTargetThatIsNoHostIsRefused() {
        SignedProbe probe = SignedProbe.enroll("bad-target");
        post("/v1/jobs", "{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"\\ud800\\u0000\\udfff\"}}")
                .statusCode(400).body("code", equalTo("invalid_body"))
                .body("message", startsWith("params.target must be a host name or IP address"));
    }

    @Test
    void aMetricTimestampPastAnyInstantIsNamed() {
        SignedProbe probe = SignedProbe.enroll("bad-timestamp");
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"b-huge-ts\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\","
                + "\"points\":[[1000000000000000000000000000000,1.0]]}]}")
                .then().statusCode(400).body("code", equalTo("invalid_payload"))
                .body("message", startsWith("series[0].points[0] must be [unix_seconds, number]"));
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"b-big-ts\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\","
                + "\"points\":[[" + Long.MAX_VALUE + ",1.0]]}]}")
                .then().statusCode(400).body("message", startsWith("series[0].points[0] must be [unix_seconds, number]"));
        probe.post("/v1/ingest/check-runs", "{\"batch_id\":\"b-run-ts\",\"runs\":[{\"check\":\"c\",\"status\":\"ok\","
                + "\"timestamp\":1000000000000000000000000000000}]}")
                .then().statusCode(400).body("code", equalTo("invalid_payload")).body("message", startsWith("runs[0].timestamp"));
        probe.post("/v1/ingest/metrics", "{\"batch_id\":\"b-ok-ts\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\","
                + "\"points\":[[" + Instant.now().getEpochSecond() + ",1.0]]}]}").then().statusCode(202);
    }

    @Test
    void bodiesOverTheLimitGetOurErrorShape() {
        String twoMegabytes = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        post("/v1/probes", twoMegabytes).statusCode(413).body("code", equalTo("body_too_large"))
                .body("message", containsString("limit"));
    }
}
