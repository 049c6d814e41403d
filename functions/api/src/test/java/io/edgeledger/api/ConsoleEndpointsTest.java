package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read endpoints the web console needs beyond the original API: check runs, series listing, a batch's rows. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class ConsoleEndpointsTest {

    @Test
    void checkRunsAreListedNewestFirstWithTheirProbe() {
        SignedProbe probe = SignedProbe.enroll("checks-list");
        long now = Instant.now().getEpochSecond();
        probe.post("/v1/ingest/check-runs", Payloads.checkRuns(Payloads.batchId(), now - 120)).then().statusCode(202);
        probe.post("/v1/ingest/check-runs", Payloads.checkRuns(Payloads.batchId(), now - 10)).then().statusCode(202);
        JsonPath runs = Api.operator().get("/v1/checks?probe=" + probe.id).then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("runs.timestamp", Long.class)).containsExactly(now - 10, now - 120);
        assertThat(runs.getList("runs.probe_id", String.class)).containsOnly(probe.id);
        // without probe: every probe's, and a since that excludes the older run
        JsonPath recent = Api.operator().get("/v1/checks?since=" + (now - 60)).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = recent.<Map<String, Object>>getList("runs").stream().filter(r -> probe.id.equals(r.get("probe_id"))).toList();
        assertThat(mine).hasSize(1);
        Api.operator().get("/v1/checks?limit=0").then().statusCode(400).body("code", equalTo("invalid_parameter"));
        io.restassured.RestAssured.given().get("/v1/checks").then().statusCode(401);
    }

    @Test
    void seriesAreListedByHostAndTags() {
        SignedProbe probe = SignedProbe.enroll("series-list");
        long now = Instant.now().getEpochSecond();
        probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "series.list.one", now, 1, "env:series", "team:a")).then().statusCode(202);
        probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), "series.list.two", now, 2, "env:series")).then().statusCode(202);
        JsonPath all = Api.operator().get("/v1/metrics/series?tags=env:series").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("series.metric", String.class)).containsExactly("series.list.one", "series.list.two");
        assertThat(all.getList("series.host", String.class)).containsOnly("edge-1");
        assertThat(Api.operator().get("/v1/metrics/series?tags=env:series,team:a").jsonPath().getList("series.metric", String.class))
                .containsExactly("series.list.one");
        assertThat(Api.operator().get("/v1/metrics/series?prefix=series.list.t&host=edge-1").jsonPath().getList("series.metric", String.class))
                .containsExactly("series.list.two");
        assertThat(Api.operator().get("/v1/metrics/series?host=elsewhere&tags=env:series").jsonPath().getList("series")).isEmpty();
    }

    @Test
    void aBatchsRowsArePagedAsLeafDocuments() throws Exception {
        SealedBatch batch = LedgerFixture.seal("etrap.public.orders", LedgerFixture.entries("etrap.public.orders", 1_785_000_000_000L));
        Manifest written = LedgerFixture.write(batch);
        JsonPath page = Api.operator().get("/v1/ledger/batches/" + written.batchId() + "/leaves?offset=1&limit=2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("leaf_count")).isEqualTo(batch.leaves().size());
        assertThat(page.getList("leaves.index", Integer.class)).containsExactly(1, 2);
        LeafOutcome.Leaf second = (LeafOutcome.Leaf) batch.leaves().get(1);
        assertThat(page.getString("leaves[0].leaf_hash")).isEqualTo(second.hashHex());
        // the document is what verify takes: posting it back finds the same leaf
        String leaf = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(page.getMap("leaves[0].leaf"));
        Api.operator().contentType("application/json").body("{\"leaf\":" + leaf + ",\"batch_id\":\"" + written.batchId() + "\"}")
                .post("/v1/ledger/verify").then().statusCode(200).body("leaf_index", equalTo(1));
        Api.operator().get("/v1/ledger/batches/" + written.batchId() + "/leaves?offset=-1").then().statusCode(400);
        Api.operator().get("/v1/ledger/batches/BATCH-none/leaves").then().statusCode(404).body("code", equalTo("batch_not_found"));
    }
}
