package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 19: a probe's Datadog-style events are stored and served; service checks ride on the check runs. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class AgentEventsAndServiceChecksTest {
    private static String events(String batchId, long ts, String title) {
        return "{\"batch_id\":\"" + batchId + "\",\"events\":[{\"title\":\"" + title + "\",\"text\":\"v2 out\","
                + "\"timestamp\":" + ts + ",\"host\":\"web-1\",\"priority\":\"low\",\"alert_type\":\"success\","
                + "\"tags\":[\"env:test\"]}]}";
    }

    @Test
    void eventsAreStoredOnceAndListedNewestFirstWithTheirProbe() {
        SignedProbe probe = SignedProbe.enroll("agent-events");
        long now = Instant.now().getEpochSecond();
        String first = Payloads.batchId();
        probe.post("/v1/ingest/agent-events", events(first, now - 100, "déployé")).then().statusCode(202);
        probe.post("/v1/ingest/agent-events", events(first, now - 100, "déployé")).then().statusCode(200)
                .body("status", equalTo("duplicate"));
        probe.post("/v1/ingest/agent-events", events(Payloads.batchId(), now - 5, "rollback")).then().statusCode(202);
        JsonPath listed = Api.operator().get("/v1/events?probe=" + probe.id).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("events.title", String.class)).containsExactly("rollback", "déployé");
        assertThat(listed.getList("events.alert_type", String.class)).containsOnly("success");
        assertThat(listed.getList("events.probe_id", String.class)).containsOnly(probe.id);

        probe.post("/v1/ingest/agent-events", "{\"batch_id\":\"" + Payloads.batchId() + "\",\"events\":[{\"title\":\"x\","
                + "\"timestamp\":" + now + ",\"priority\":\"urgent\"}]}").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("priority"));
        io.restassured.RestAssured.given().get("/v1/events").then().statusCode(401);
    }

    @Test
    void serviceChecksAreCheckRunsWithDatadogStatuses() {
        SignedProbe probe = SignedProbe.enroll("service-checks");
        long now = Instant.now().getEpochSecond();
        probe.post("/v1/ingest/check-runs", "{\"batch_id\":\"" + Payloads.batchId() + "\",\"runs\":[{\"check\":\"db.up\","
                + "\"status\":\"critical\",\"timestamp\":" + now + ",\"duration_ms\":0,\"message\":\"down\","
                + "\"tags\":[\"host:db-1\"]}]}").then().statusCode(202);
        JsonPath runs = Api.operator().get("/v1/checks?probe=" + probe.id).then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("runs.status", String.class)).containsExactly("critical");
        assertThat(runs.getList("runs.message", String.class)).containsExactly("down");
    }
}
