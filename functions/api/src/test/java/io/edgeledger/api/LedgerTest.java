package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.ledger.batch.BatchEntry;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleVerifier;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.rpc.TxOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Ledger listing and verification against batches written to S3 and minted on the NEAR emulator. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class LedgerTest {
    private static final String STREAM = "etrap.public.orders";
    /** The batches whose manifests are forged to name a wrong transaction: their rows must not answer other tests' searches. */
    private static final String OTHER_STREAM = "etrap.public.customers";
    private static final AtomicLong IDS = new AtomicLong(1_780_000_000_000L);

    private static List<BatchEntry> entries() throws Exception {
        return LedgerFixture.entries(STREAM, IDS.addAndGet(10_000));
    }

    private static String leafText(SealedBatch batch, int i) {
        return ((LeafOutcome.Leaf) batch.leaves().get(i)).text();
    }

    private static JsonPath verify(String body) {
        return Api.operator().contentType("application/json").body(body).post("/v1/ledger/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRowInAMintedBatchIsVerifiedAgainstTheChain() throws Exception {
        SealedBatch batch = LedgerFixture.seal(STREAM, entries());
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(batch));

        // by the row's leaf document alone: the same change may sit in several batches (the sample is reused), any is fine
        JsonPath answer = verify("{\"leaf\":" + leafText(batch, 1) + "}");
        assertThat(answer.getString("verdict")).isEqualTo("verified");
        assertThat(answer.getBoolean("included")).isTrue();
        assertThat(answer.getBoolean("tampered")).isFalse();
        assertThat(answer.getString("chain.root")).isEqualTo(answer.getString("root"));
        assertThat(answer.getBoolean("chain.root_matches")).isTrue();
        assertThat(answer.getString("chain.tx_status")).isEqualTo("success");
        // the proof stands on its own: check it here with the verifier, not the server's word
        String leafHash = ((LeafOutcome.Leaf) batch.leaves().get(1)).hashHex();
        assertThat(answer.getString("leaf_hash")).isEqualTo(leafHash);
        List<byte[]> proof = answer.<String>getList("proof").stream().map(Hex::parse).toList();
        assertThat(MerkleVerifier.verifyInclusion(Hex.parse(leafHash), answer.getLong("leaf_index"), answer.getLong("tree_size"),
                proof, Hex.parse(answer.getString("root")))).isTrue();

        // by leaf hash within this batch: its root, its token, its transaction
        JsonPath byHash = verify("{\"leaf_hash\":\"" + leafHash + "\",\"batch_id\":\"" + minted.batchId() + "\"}");
        assertThat(byHash.getString("verdict")).isEqualTo("verified");
        assertThat(byHash.getString("batch_id")).isEqualTo(minted.batchId());
        assertThat(byHash.getString("root")).isEqualTo(minted.root());
        assertThat(byHash.getString("chain.root")).isEqualTo(minted.root());
        assertThat(byHash.getString("chain.token_id")).isEqualTo(minted.batchId());
        assertThat(byHash.getString("chain.tx_hash")).isEqualTo(minted.mint().txHash());
        assertThat(byHash.getString("chain.tx_status")).isEqualTo("success");
        assertThat(byHash.getInt("leaf_index")).isEqualTo(1);
    }

    @Test
    void anUnknownRowIsNotIncluded() throws Exception {
        // searched in one intact minted batch (the database also holds the batches other tests tamper with)
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(LedgerFixture.seal(STREAM, entries())));
        JsonPath answer = verify("{\"leaf_hash\":\"" + "ab".repeat(32) + "\",\"batch_id\":\"" + minted.batchId() + "\"}");
        assertThat(answer.getString("verdict")).isEqualTo("not_found");
        assertThat(answer.getBoolean("included")).isFalse();
        assertThat(answer.getBoolean("tampered")).isFalse();
        assertThat(answer.getInt("batches_searched")).isEqualTo(1);
    }

    @Test
    void aManifestNamingATransactionTheChainDoesNotKnowIsTampered() throws Exception {
        SealedBatch batch = LedgerFixture.seal(OTHER_STREAM, LedgerFixture.entries(OTHER_STREAM, IDS.addAndGet(10_000)));
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(batch));
        // a forger rewrites the manifest's mint record: root and token still agree, the named transaction does not exist
        String madeUp = Base58.encode(java.security.MessageDigest.getInstance("SHA-256").digest(minted.batchId().getBytes()));
        LedgerFixture.recordMint(minted, madeUp, minted.mint().blockHash(), minted.mint().blockHeight());
        JsonPath answer = verify("{\"leaf\":" + leafText(batch, 0) + ",\"batch_id\":\"" + minted.batchId() + "\"}");
        assertThat(answer.getBoolean("chain.root_matches")).isTrue();
        assertThat(answer.getString("chain.tx_hash")).isEqualTo(madeUp);
        assertThat(answer.getString("chain.tx_status")).isEqualTo("unknown_to_chain");
        assertThat(answer.getString("verdict")).isEqualTo("tampered");
        assertThat(answer.getBoolean("included")).isFalse();
    }

    @Test
    void aManifestNamingAFailedTransactionIsTampered() throws Exception {
        SealedBatch batch = LedgerFixture.seal(OTHER_STREAM, LedgerFixture.entries(OTHER_STREAM, IDS.addAndGet(10_000)));
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(batch));
        // a real failed transaction for this very batch (a second mint_batch the contract refused) named as its mint
        TxOutcome failed = LedgerFixture.failedMintOf(minted);
        LedgerFixture.recordMint(minted, failed.hash(), failed.blockHash(), minted.mint().blockHeight());
        JsonPath answer = verify("{\"leaf\":" + leafText(batch, 0) + ",\"batch_id\":\"" + minted.batchId() + "\"}");
        assertThat(answer.getBoolean("chain.root_matches")).isTrue();
        assertThat(answer.getString("chain.tx_status")).isEqualTo("failure");
        assertThat(answer.getString("verdict")).isEqualTo("tampered");
        assertThat(answer.getBoolean("included")).isFalse();
    }

    @Test
    void aTamperedS3ObjectIsDetected() throws Exception {
        SealedBatch batch = LedgerFixture.seal(STREAM, entries());
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(batch));
        String key = minted.s3Prefix() + "batch-data.json";
        try (S3Client s3 = Api.s3()) {
            String data = s3.getObjectAsBytes(b -> b.bucket(ApiTestResources.LEDGER_BUCKET).key(key)).asUtf8String();
            String forged = data.replaceFirst("SHIPPED", "REFUNDED");
            assertThat(forged).isNotEqualTo(data);
            s3.putObject(b -> b.bucket(ApiTestResources.LEDGER_BUCKET).key(key), RequestBody.fromString(forged));
        }
        String leafHash = ((LeafOutcome.Leaf) batch.leaves().get(0)).hashHex();
        JsonPath answer = verify("{\"leaf_hash\":\"" + leafHash + "\",\"batch_id\":\"" + minted.batchId() + "\"}");
        assertThat(answer.getString("verdict")).isEqualTo("tampered");
        assertThat(answer.getBoolean("tampered")).isTrue();
        assertThat(answer.getBoolean("included")).isFalse();
        assertThat(answer.getString("problems[0].problem")).contains("batch-data.json");

        Api.operator().get("/v1/ledger/batches/" + minted.batchId()).then().statusCode(200)
                .body("s3_consistent", equalTo(false)).body("manifest.batch_id", equalTo(minted.batchId()));
    }

    @Test
    void aConsistentRewriteOfS3IsCaughtByTheChainRoot() throws Exception {
        List<BatchEntry> entries = entries();
        SealedBatch original = LedgerFixture.seal(STREAM, entries);
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(original));
        // same first and last entry (so the same batch id), one change in between silently dropped, every hash redone
        List<BatchEntry> fewer = new ArrayList<>(entries);
        fewer.remove(1);
        SealedBatch forged = LedgerFixture.seal(STREAM, fewer);
        assertThat(forged.manifest().batchId()).isEqualTo(minted.batchId());
        assertThat(forged.manifest().root()).isNotEqualTo(minted.root());
        LedgerFixture.overwrite(forged);

        Api.operator().get("/v1/ledger/batches/" + minted.batchId()).then().body("s3_consistent", equalTo(true));
        JsonPath answer = verify("{\"leaf\":" + leafText(forged, 0) + ",\"batch_id\":\"" + minted.batchId() + "\"}");
        assertThat(answer.getString("verdict")).isEqualTo("tampered");
        assertThat(answer.getBoolean("chain.root_matches")).isFalse();
        assertThat(answer.getString("chain.root")).isEqualTo(minted.root());
        assertThat(answer.getString("root")).isEqualTo(forged.manifest().root());
    }

    @Test
    void aBatchNotYetMintedIsNotNotarized() throws Exception {
        SealedBatch batch = LedgerFixture.seal(STREAM, entries());
        Manifest written = LedgerFixture.write(batch);
        JsonPath answer = verify("{\"leaf\":" + leafText(batch, 0) + ",\"batch_id\":\"" + written.batchId() + "\"}");
        assertThat(answer.getString("verdict")).isEqualTo("not_notarized");
        assertThat(answer.getBoolean("chain.token_found")).isFalse();
        assertThat(answer.getBoolean("proof_valid")).isTrue();
    }

    @Test
    void batchesAreListedAndShown() throws Exception {
        Manifest minted = LedgerFixture.mint(LedgerFixture.write(LedgerFixture.seal(STREAM, entries())));
        Api.operator().queryParam("database", minted.database()).queryParam("table", minted.table()).get("/v1/ledger/batches")
                .then().statusCode(200).body("batches.batch_id", hasItem(minted.batchId()));
        Api.operator().queryParam("database", "no-such-db").get("/v1/ledger/batches").then().statusCode(200)
                .body("batches.batch_id", not(hasItem(minted.batchId())));
        Api.operator().queryParam("database", minted.database()).queryParam("to", "1000").get("/v1/ledger/batches").then()
                .body("batches.batch_id", not(hasItem(minted.batchId())));
        Api.operator().get("/v1/ledger/batches/" + minted.batchId()).then().statusCode(200)
                .body("manifest.root", equalTo(minted.root())).body("manifest.mint.status", equalTo("minted"))
                .body("s3_consistent", equalTo(true));
        Api.operator().get("/v1/ledger/batches/BATCH-2000-01-01-00000000").then().statusCode(404).body("code", equalTo("batch_not_found"));
        Api.operator().queryParam("table", "x").get("/v1/ledger/batches").then().statusCode(400);
    }

    @Test
    void badVerifyRequestsAre400() {
        Api.operator().contentType("application/json").body("{}").post("/v1/ledger/verify").then().statusCode(400)
                .body("code", equalTo("invalid_request"));
        Api.operator().contentType("application/json").body("{\"leaf_hash\":\"xyz\"}").post("/v1/ledger/verify").then().statusCode(400);
        Api.operator().contentType("application/json").body("{\"leaf_hash\":\"" + "00".repeat(32) + "\",\"leaf\":{}}")
                .post("/v1/ledger/verify").then().statusCode(400);
        Api.operator().contentType("application/json").body("{oops").post("/v1/ledger/verify").then().statusCode(400)
                .body("code", equalTo("invalid_json"));
        Api.operator().contentType("application/json").body("{\"leaf_hash\":\"" + "00".repeat(32) + "\",\"batch_id\":\"BATCH-none\"}")
                .post("/v1/ledger/verify").then().statusCode(404).body("code", equalTo("batch_not_found"));
        io.restassured.RestAssured.given().contentType("application/json").body("{}").post("/v1/ledger/verify").then().statusCode(401);
    }
}
