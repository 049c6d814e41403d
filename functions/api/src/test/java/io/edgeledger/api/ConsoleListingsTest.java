package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.ledger.batch.Manifest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's listings page (batches, probes, a session's events) and the probe list shows what probes report. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class ConsoleListingsTest {
    private static final String STREAM = "etrap.public.orders";

    @Test
    void batchesPageByCursorInKeyOrderWithoutRepeats() throws Exception {
        Manifest written = null;
        for (int i = 0; i < 3; i++) {
            written = LedgerFixture.write(LedgerFixture.seal(STREAM, LedgerFixture.entries(STREAM, 1_786_000_000_000L + i * 1000)));
        }
        String database = written.database();
        String table = written.table();
        JsonPath all = Api.operator().queryParam("database", database).queryParam("table", table).queryParam("limit", 1000)
                .get("/v1/ledger/batches").jsonPath();
        List<String> everything = all.getList("batches.s3_prefix", String.class);
        assertThat(everything).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(all.getString("next_cursor")).isNull();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            var request = Api.operator().queryParam("database", database).queryParam("table", table).queryParam("limit", 2);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/ledger/batches")
                    .then().statusCode(200).extract().jsonPath();
            List<String> prefixes = page.getList("batches.s3_prefix", String.class);
            assertThat(prefixes).hasSizeLessThanOrEqualTo(2);
            paged.addAll(prefixes);
            cursor = page.getString("next_cursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(paged).containsExactlyElementsOf(everything);

        Api.operator().get("/v1/ledger/batches?database=" + database + "&cursor=other/x/").then().statusCode(400).body("code", equalTo("invalid_cursor"));
        assertThat(Api.operator().get("/v1/ledger/tables").jsonPath().getList("tables.table", String.class)).contains(table);
    }

    @Test
    void aBatchMintedAfterItWasListedIsListedAsMinted() throws Exception {
        Manifest written = LedgerFixture.write(LedgerFixture.seal(STREAM, LedgerFixture.entries(STREAM, 1_787_000_000_000L)));
        String cursor = before(written);
        Api.operator().queryParam("database", written.database()).queryParam("table", written.table()).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/v1/ledger/batches").then().statusCode(200)
                .body("batches[0].batch_id", equalTo(written.batchId())).body("batches[0].mint_status", equalTo("pending"));
        LedgerFixture.mint(written);
        Api.operator().queryParam("database", written.database()).queryParam("table", written.table()).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/v1/ledger/batches").then().statusCode(200)
                .body("batches[0].batch_id", equalTo(written.batchId())).body("batches[0].mint_status", equalTo("minted"));
    }

    /** The cursor that resumes right at the batch: the prefix of the batch listed before it (null when it is first). */
    private static String before(Manifest batch) {
        List<String> all = Api.operator().queryParam("database", batch.database()).queryParam("table", batch.table()).queryParam("limit", 1000)
                .get("/v1/ledger/batches").jsonPath().getList("batches.s3_prefix", String.class);
        int at = all.indexOf(batch.s3Prefix());
        assertThat(at).isNotNegative();
        return at == 0 ? "" : all.get(at - 1);
    }

    @Test
    void theProbeListShowsWhatTheProbeReportsAboutItself() {
        SignedProbe probe = SignedProbe.enroll("self-report");
        long now = Instant.now().getEpochSecond();
        Api.operator().get("/v1/probes/" + probe.id).then().statusCode(200)
                .body("version", nullValue()).body("forwarder", nullValue()).body("last_seen", nullValue()).body("checks.size()", equalTo(0));

        probe.post("/v1/ingest/metrics", Payloads.selfReport(Payloads.batchId(), now, "1.4.2", 7)).then().statusCode(202);
        probe.post("/v1/ingest/check-runs", Payloads.checkRuns(Payloads.batchId(), now - 5)).then().statusCode(202);
        // a spool delivering an older report late changes nothing
        probe.post("/v1/ingest/metrics", Payloads.selfReport(Payloads.batchId(), now - 600, "1.3.0", 900)).then().statusCode(202);

        JsonPath shown = Api.operator().get("/v1/probes/" + probe.id).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getString("version")).isEqualTo("1.4.2");
        assertThat(shown.getLong("forwarder.pending")).isEqualTo(7);
        assertThat(shown.getLong("forwarder.spool_bytes")).isEqualTo(4096);
        assertThat(shown.getLong("forwarder.oldest_pending_age_s")).isEqualTo(30);
        assertThat(shown.getString("forwarder.reported_at")).isEqualTo(Instant.ofEpochSecond(now).toString());
        assertThat(shown.getString("last_seen")).isEqualTo(Instant.ofEpochSecond(now).toString());
        assertThat(shown.getList("checks.check", String.class)).containsExactly("system");
        assertThat(shown.getString("checks[0].status")).isEqualTo("ok");
        // the list pages by id and carries the same view
        JsonPath page = Api.operator().get("/v1/probes?limit=1&cursor=" + idBefore(probe.id)).then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("probes[0].probe_id")).isEqualTo(probe.id);
        assertThat(page.getString("probes[0].version")).isEqualTo("1.4.2");
        Api.operator().get("/v1/probes?limit=0").then().statusCode(400).body("code", equalTo("invalid_parameter"));
    }

    private static String idBefore(String probeId) {
        return probeId.substring(0, probeId.length() - 1);
    }

    @Test
    void aLongSessionsEventsPageByOffset() {
        SignedProbe probe = SignedProbe.enroll("devlog-pages");
        String session = "paged-" + Payloads.batchId();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(Payloads.event(String.format("%064x", i + 1) , at.plusSeconds(i), "user_message", session));
        }
        probe.post("/v1/ingest/events", Payloads.events(Payloads.batchId(), events.toArray(String[]::new))).then().statusCode(202);
        JsonPath page = Api.operator().get("/v1/devlog/sessions/" + session + "/events?offset=2&limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(5);
        assertThat(page.getList("events.timestamp", String.class)).containsExactly(at.plusSeconds(2).toString(), at.plusSeconds(3).toString());
        Api.operator().get("/v1/devlog/sessions/" + session + "/events?offset=x").then().statusCode(400);
    }
}
