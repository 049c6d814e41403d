package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The job round trip: operator posts, probe long-polls, probe posts the result, operator reads it. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class JobsTest {

    private static Response postJob(String json) {
        return Api.operator().contentType("application/json").body(json).post("/v1/jobs");
    }

    @Test
    void aJobGoesFromQueuedToDeliveredToDone() {
        SignedProbe probe = SignedProbe.enroll("jobs-roundtrip");
        Response created = postJob("{\"probe_id\":\"" + probe.id + "\",\"kind\":\"traceroute\",\"params\":{\"target\":\"198.18.2.2\",\"protocol\":\"tcp\",\"port\":443,\"max-ttl\":16}}");
        created.then().statusCode(201).body("status", equalTo("queued"));
        String jobId = created.path("id");
        Api.operator().get("/v1/jobs/" + jobId).then().statusCode(200).body("status", equalTo("queued"));

        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=5").then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(jobId)).body("[0].kind", equalTo("traceroute"))
                .body("[0].params.target", equalTo("198.18.2.2")).body("[0].params.port", equalTo(443));
        Api.operator().get("/v1/jobs/" + jobId).then().body("status", equalTo("delivered")).body("delivered_at", notNullValue());
        // delivered once only
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=0").then().statusCode(200).body("", hasSize(0));

        probe.post("/v1/ingest/traceroute", Payloads.traceroute(Payloads.batchId(), jobId, Instant.now().getEpochSecond(), "198.18.2.2"))
                .then().statusCode(202);
        Api.operator().get("/v1/jobs/" + jobId).then().statusCode(200).body("status", equalTo("done"))
                .body("result.destination.hostname", equalTo("198.18.2.2")).body("completed_at", notNullValue());
    }

    @Test
    void aFailedTracerouteMarksTheJobFailed() {
        SignedProbe probe = SignedProbe.enroll("jobs-failed");
        String jobId = postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"nowhere.invalid\"}}").path("id");
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=1").then().body("", hasSize(1));
        probe.post("/v1/ingest/traceroute", "{\"batch_id\":\"" + Payloads.batchId() + "\",\"job_id\":\"" + jobId
                + "\",\"timestamp\":" + Instant.now().getEpochSecond() + ",\"error\":\"resolution failed\"}").then().statusCode(202);
        Api.operator().get("/v1/jobs/" + jobId).then().body("status", equalTo("failed")).body("error", equalTo("resolution failed"));
    }

    @Test
    void aResultForAnotherProbesJobIsRefused() {
        SignedProbe owner = SignedProbe.enroll("jobs-owner");
        SignedProbe other = SignedProbe.enroll("jobs-other");
        String jobId = postJob("{\"probe_id\":\"" + owner.id + "\",\"params\":{\"target\":\"a.example\"}}").path("id");
        other.post("/v1/ingest/traceroute", Payloads.traceroute(Payloads.batchId(), jobId, Instant.now().getEpochSecond(), "a.example"))
                .then().statusCode(403).body("code", equalTo("wrong_probe"));
        other.post("/v1/ingest/traceroute", Payloads.traceroute(Payloads.batchId(), "job-missing", Instant.now().getEpochSecond(), "a.example"))
                .then().statusCode(404).body("code", equalTo("job_not_found"));
    }

    @Test
    void anEmptyLongPollWaitsThenAnswersEmpty() {
        SignedProbe probe = SignedProbe.enroll("jobs-empty");
        long start = System.nanoTime();
        Response answer = probe.get("/v1/probes/" + probe.id + "/jobs", "wait=1");
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        answer.then().statusCode(200).body("", hasSize(0));
        // the budget is the wait, cut short when the Lambda invocation has less time left than that
        long budget = Long.parseLong(answer.header("X-EdgeLedger-Poll-Budget-Ms"));
        assertThat(budget).isBetween(0L, 1000L);
        assertThat(elapsed).as("the poll held the request for its budget").isGreaterThanOrEqualTo(budget - 50);
    }

    @Test
    void multipathOptionsReachTheProbeAndABadConfidenceIsNamed() {
        SignedProbe probe = SignedProbe.enroll("jobs-multipath");
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"198.18.2.2\",\"paris\":true,"
                + "\"multipath\":true,\"confidence\":90}}").then().statusCode(201);
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=5").then().statusCode(200).body("", hasSize(1))
                .body("[0].params.paris", equalTo(true)).body("[0].params.multipath", equalTo(true))
                .body("[0].params.confidence", equalTo(90));
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"multipath\":true,\"confidence\":100}}")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("params.confidence must be between 50 and 99"));
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"confidence\":90}}")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("params.confidence applies to multipath only"));
    }

    @Test
    void badJobsAndWaitsAreRefused() {
        SignedProbe probe = SignedProbe.enroll("jobs-bad");
        postJob("{\"params\":{\"target\":\"x\"}}").then().statusCode(400).body("code", equalTo("invalid_job"));
        postJob("{\"probe_id\":\"p-nope\",\"params\":{\"target\":\"x\"}}").then().statusCode(404).body("code", equalTo("probe_not_found"));
        postJob("{\"probe_id\":\"" + probe.id + "\",\"kind\":\"ping\",\"params\":{\"target\":\"x\"}}").then().statusCode(400);
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{}}").then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("target"));
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"protocol\":\"sctp\"}}").then().statusCode(400);
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"max-ttl\":500}}").then().statusCode(400);
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\",\"colour\":\"red\"}}").then().statusCode(400);
        Api.operator().get("/v1/jobs/job-unknown").then().statusCode(404).body("code", equalTo("job_not_found"));
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=21").then().statusCode(400).body("code", equalTo("invalid_wait"));
        probe.get("/v1/probes/" + probe.id + "/jobs", "wait=soon").then().statusCode(400).body("code", equalTo("invalid_wait"));
        Api.operator().delete("/v1/probes/" + probe.id).then().statusCode(200);
        postJob("{\"probe_id\":\"" + probe.id + "\",\"params\":{\"target\":\"x\"}}").then().statusCode(409).body("code", equalTo("probe_revoked"));
    }
}
