package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.cli.LedgerCli;
import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.legacy.LegacyIndex;
import io.edgeledger.ledger.legacy.LegacyIndexEntry;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.legacy.LegacySamples;
import io.edgeledger.testing.EmbeddedS3;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The original agent's bucket indexed with {@code ledger import-etrap}, listed beside new batches and verified through
 * {@code POST /v1/ledger/verify} with {@code scheme: etrap-v1} against its tokens (imported into the emulator by
 * {@link ApiTestResources}); broken copies in a second bucket each give a verdict with findings, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class LegacyLedgerTest {
    private static final String LEGACY = LegacySamples.SAMPLE_BUCKET;
    private static final String BROKEN = "etrap-broken";
    private static final String T0 = "BATCH-2026-12-07-7a0c457e-T0";
    private static final String T1 = "BATCH-2026-12-07-7a0c457e-T1";
    private static final String T3 = "BATCH-2026-12-07-7a0c457e-T3";
    private static boolean imported;

    @BeforeAll
    static synchronized void importTheAgentsBuckets() {
        if (imported) {
            return;
        }
        ApiTestResources.s3().createBucket(LEGACY);
        ApiTestResources.s3().createBucket(BROKEN);
        try (S3Client s3 = Api.s3()) {
            LegacySamples.upload(s3, LEGACY, "");
            LegacySamples.upload(s3, BROKEN, "");
            // T0: one leaf hash replaced (a row changed and rehashed in S3); T1: batch-data.json truncated, merkle-tree.json gone;
            // T3: batch-data.json gone (the tree file still holds the leaves)
            String t0 = "etrapdb/payments/" + T0 + "/batch-data.json";
            String data = new String(LegacySamples.bytes(t0), StandardCharsets.UTF_8);
            String leaf = data.substring(data.indexOf("\"hash\": \"") + 9, data.indexOf("\"hash\": \"") + 9 + 64);
            put(s3, t0, data.replace(leaf, "0".repeat(64)));
            String t1 = "etrapdb/orders/" + T1 + "/";
            byte[] t1Data = LegacySamples.bytes(t1 + "batch-data.json");
            put(s3, t1 + "batch-data.json", new String(Arrays.copyOf(t1Data, t1Data.length / 2), StandardCharsets.UTF_8));
            s3.deleteObject(b -> b.bucket(BROKEN).key(t1 + "merkle-tree.json"));
            s3.deleteObject(b -> b.bucket(BROKEN).key("etrapdb/customers/" + T3 + "/batch-data.json"));
        }
        for (String bucket : List.of(LEGACY, BROKEN)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = LedgerCli.run(new String[] {"import-etrap", "--bucket", bucket, "--ledger-bucket", ApiTestResources.LEDGER_BUCKET,
                    "--endpoint", ConfigProvider.getConfig().getValue("edgeledger.s3.endpoint", String.class), "--region", EmbeddedS3.REGION.id(),
                    "--access-key", EmbeddedS3.ACCESS_KEY, "--secret-key", EmbeddedS3.SECRET_KEY}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
        }
        imported = true;
    }

    private static void put(S3Client s3, String key, String text) {
        s3.putObject(b -> b.bucket(BROKEN).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private static JsonPath verify(String body) {
        return Api.operator().contentType("application/json").body(body).post("/v1/ledger/verify").then().statusCode(200).extract().jsonPath();
    }

    private static LegacySamples.Event event(String table, int nth) {
        return LegacySamples.events().stream().filter(e -> e.stream().endsWith("." + table)).skip(nth).findFirst().orElseThrow();
    }

    private static String after(LegacySamples.Event e) {
        return CompactJsonWriter.write(((JsonObject) StrictJsonParser.parse(e.value())).get("after"));
    }

    @Test
    void legacyAndNewBatchesAreListedTogetherEachWithItsScheme() throws Exception {
        // products: a table few other tests write, so the listing of new batches stays short
        Manifest fresh = LedgerFixture.write(LedgerFixture.seal("etrap.inventory.products",
                LedgerFixture.entries("etrap.inventory.products", 1_795_000_000_000L)));
        List<Map<String, Object>> both = Api.operator().get("/v1/ledger/batches?database=inventory&table=products&limit=1000").then()
                .statusCode(200).extract().jsonPath().getList("batches");
        assertThat(both).extracting(m -> m.get("scheme")).contains("etrap-v1", "rfc6962");
        assertThat(both).extracting(m -> m.get("batch_id")).contains(fresh.batchId(), "BATCH-2026-12-07-7a0c457e-T2");
        assertThat(both.get(0).get("scheme")).as("legacy batches first: they predate every new one").isEqualTo("etrap-v1");
        // one row a page walks the same list, across the boundary between legacy and new batches
        List<Object> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = Api.operator().queryParam("database", "inventory").queryParam("table", "products").queryParam("limit", 1);
            var page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/ledger/batches")
                    .then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("batches.batch_id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null && walked.size() <= both.size());
        assertThat(walked).isEqualTo(both.stream().map(m -> m.get("batch_id")).toList());
        Api.operator().get("/v1/ledger/batches?cursor=legacy:x").then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_cursor"));

        List<Map<String, Object>> legacy = Api.operator().get("/v1/ledger/batches?database=etrapdb&table=payments&limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("batches");
        assertThat(legacy).hasSize(2).allSatisfy(m -> {
            assertThat(m.get("scheme")).isEqualTo("etrap-v1");
            assertThat(m.get("batch_id")).isEqualTo(T0);
            assertThat(m.get("first_timestamp")).isEqualTo("2024-05-01T09:00:00.073Z");
        });
        assertThat(legacy).extracting(m -> m.get("s3_bucket")).containsExactlyInAnyOrder(LEGACY, BROKEN);
        // new batches name Postgres tables with their schema; the agent did not: public.payments finds its payments
        assertThat(Api.operator().get("/v1/ledger/batches?database=etrapdb&table=public.payments").then().statusCode(200).extract().jsonPath()
                .getList("batches.batch_id")).contains(T0);
        assertThat(legacy).filteredOn(m -> LEGACY.equals(m.get("s3_bucket"))).singleElement()
                .satisfies(m -> assertThat(m.get("root")).isEqualTo(LegacySamples.mintedRoot(T0)));
    }

    /**
     * 130 legacy batches of one database (more than a default page), walked seven at a time through the API: the pages
     * are exactly the whole listing in order (first change, then batch id), each batch once, the last page says so; a
     * time window walks its part; a cursor this listing never handed out (an offset, as earlier versions gave) is 400.
     */
    @Test
    void manyLegacyBatchesArePagedThroughInOrderEachOnce() {
        List<LegacyIndexEntry> written = new java.util.ArrayList<>();
        try (S3Client s3 = Api.s3()) {
            LegacyIndex index = new LegacyIndex(new S3LedgerStore(s3, ApiTestResources.LEDGER_BUCKET));
            java.util.Random random = new java.util.Random(18);
            for (int i = 0; i < 130; i++) {
                String table = i % 2 == 0 ? "orders" : "refunds";
                String id = "BATCH-2024-06-0" + (1 + i % 9) + "-" + String.format("%08x", random.nextInt()) + "-T" + (i % 4);
                long first = 1_717_200_000_000L + random.nextInt(60) * 1_000L; // same second for several: the batch id decides
                LegacyIndexEntry e = new LegacyIndexEntry(id, "etrap-paging", "pagingdb/" + table + "/" + id + "/", "pagingdb", table, 10,
                        "cd".repeat(32), first, first + 900, first + 1_000, true, List.of(), "2026-12-07T00:00:00Z");
                index.put(e);
                written.add(e);
            }
        }
        List<String> expected = written.stream().sorted(java.util.Comparator.comparing(LegacyIndexEntry::firstTimestampMs)
                .thenComparing(LegacyIndexEntry::batchId)).map(LegacyIndexEntry::batchId).toList();
        assertThat(walk(Map.of("database", "pagingdb"), 7)).containsExactlyElementsOf(expected);
        assertThat(walk(Map.of("database", "pagingdb"), 100)).containsExactlyElementsOf(expected);
        assertThat(walk(Map.of("database", "pagingdb", "table", "public.orders"), 7))
                .containsExactlyElementsOf(written.stream().filter(e -> e.table().equals("orders")).sorted(java.util.Comparator
                        .comparing(LegacyIndexEntry::firstTimestampMs).thenComparing(LegacyIndexEntry::batchId)).map(LegacyIndexEntry::batchId).toList());
        String from = java.time.Instant.ofEpochMilli(1_717_200_020_000L).toString();
        String to = java.time.Instant.ofEpochMilli(1_717_200_039_000L).toString();
        assertThat(walk(Map.of("database", "pagingdb", "from", from, "to", to), 6)).isNotEmpty()
                .containsExactlyElementsOf(written.stream().filter(e -> e.firstTimestampMs() >= 1_717_200_020_000L && e.firstTimestampMs() <= 1_717_200_039_000L)
                        .sorted(java.util.Comparator.comparing(LegacyIndexEntry::firstTimestampMs).thenComparing(LegacyIndexEntry::batchId))
                        .map(LegacyIndexEntry::batchId).toList());
        Api.operator().queryParam("database", "pagingdb").queryParam("cursor", "legacy:14").get("/v1/ledger/batches").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_cursor"));
    }

    /** Every page of the listing with these filters, {@code limit} rows a page, until next_cursor is null. */
    private static List<Object> walk(Map<String, String> filters, int limit) {
        List<Object> walked = new java.util.ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            var request = Api.operator().queryParams(filters).queryParam("limit", limit);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/ledger/batches")
                    .then().statusCode(200).extract().jsonPath();
            List<Object> ids = page.getList("batches.batch_id");
            assertThat(ids.size()).as("a page is never longer than its limit").isLessThanOrEqualTo(limit);
            walked.addAll(ids);
            cursor = page.getString("next_cursor");
            if (cursor == null) {
                return walked;
            }
        }
        throw new AssertionError("the listing never ended");
    }

    @Test
    void aLegacyEventRowOrLeafHashOfEverySampleBatchIsVerifiedAgainstItsToken() {
        for (String table : List.of("payments", "orders", "products", "customers")) {
            LegacySamples.Event e = event(table, 3);
            JsonPath byEvent = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + LEGACY + "\",\"event\":" + e.value() + ",\"key\":" + e.key() + "}");
            assertThat(byEvent.getString("verdict")).as(table + " " + byEvent.prettify()).isEqualTo("verified");
            assertThat(byEvent.getString("scheme")).isEqualTo("etrap-v1");
            assertThat(byEvent.getBoolean("chain.root_matches")).isTrue();
            assertThat(byEvent.getString("chain.root")).isEqualTo(LegacySamples.mintedRoot(byEvent.getString("batch_id")));
            assertThat(byEvent.getInt("leaf_index")).isEqualTo(3);
            assertThat(byEvent.getString("table")).isEqualTo(table);

            JsonPath byRow = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + LEGACY + "\",\"row\":" + after(e) + "}");
            assertThat(byRow.getString("verdict")).isEqualTo("verified");
            JsonPath byHash = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + LEGACY + "\",\"leaf_hash\":\"" + byRow.getString("leaf_hash")
                    + "\",\"batch_id\":\"" + byRow.getString("batch_id") + "\"}");
            assertThat(byHash.getString("verdict")).isEqualTo("verified");
            assertThat(byHash.getList("proof")).isNotEmpty();
        }
        String changed = after(event("orders", 3)).replaceFirst("\"status\":\"[A-Z_]+\"", "\"status\":\"LOST\"");
        JsonPath notThere = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + LEGACY + "\",\"row\":" + changed + "}");
        assertThat(notThere.getString("verdict")).isEqualTo("not_found");
        assertThat(notThere.getInt("batches_searched")).isEqualTo(4);
    }

    @Test
    void brokenLegacyBatchesGiveVerdictsWithFindingsNeverA500() {
        String row = after(event("payments", 1));
        JsonPath rowChanged = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + BROKEN + "\",\"batch_id\":\"" + T0 + "\",\"row\":" + row + "}");
        assertThat(rowChanged.getString("verdict")).isEqualTo("tampered");
        assertThat(rowChanged.getBoolean("chain.root_matches")).isFalse();
        assertThat(rowChanged.getList("findings.kind")).contains("ROOT_MISMATCH");

        JsonPath truncated = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + BROKEN + "\",\"batch_id\":\"" + T1 + "\",\"row\":"
                + after(event("orders", 0)) + "}");
        assertThat(truncated.getString("verdict")).isEqualTo("tampered");
        assertThat(truncated.getList("findings.kind")).contains("OBJECT_UNREADABLE", "OBJECT_MISSING");

        JsonPath noBatchData = verify("{\"scheme\":\"etrap-v1\",\"s3_bucket\":\"" + BROKEN + "\",\"batch_id\":\"" + T3 + "\",\"row\":"
                + after(event("customers", 2)) + "}");
        assertThat(noBatchData.getString("verdict")).isEqualTo("verified"); // merkle-tree.json still holds the leaves the token roots
        assertThat(noBatchData.getList("findings.kind")).contains("OBJECT_MISSING");
        assertThat(noBatchData.getList("problems")).anyMatch(p -> p.toString().contains("batch-data.json"));
    }

    @Test
    void badLegacyRequestsAre400() {
        Api.operator().contentType("application/json").body("{\"scheme\":\"etrap-v1\",\"row\":{\"id\":1},\"leaf_hash\":\"" + "a".repeat(64) + "\"}")
                .post("/v1/ledger/verify").then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_request"));
        Api.operator().contentType("application/json").body("{\"scheme\":\"etrap-v1\",\"event\":{\"op\":\"d\",\"before\":null}}")
                .post("/v1/ledger/verify").then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("never notarized"));
        Api.operator().contentType("application/json").body("{\"scheme\":\"etrap-v1\",\"leaf_hash\":\"" + "a".repeat(64) + "\",\"batch_id\":\"BATCH-x\"}")
                .post("/v1/ledger/verify").then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("batch_not_found"));
    }
}
