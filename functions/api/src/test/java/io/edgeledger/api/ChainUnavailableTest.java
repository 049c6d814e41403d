package io.edgeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.near.notary.NotarySettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verify with the chain out of reach: the API answers 503 {@code chain_unavailable} and never a verdict from S3 alone,
 * even for a batch whose S3 objects are intact. The API runs here with its NEAR RPC pointed at a closed local port.
 */
@QuarkusTest
@TestProfile(ChainUnavailableTest.ChainDown.class)
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class ChainUnavailableTest {
    /** The API's RPC URL is a local port nothing listens on (the test resources' emulator still takes the fixture's writes). */
    public static final class ChainDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(NotarySettings.RPC, "http://127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void anIntactBatchIsNotVerifiedWithoutTheChain() throws Exception {
        SealedBatch batch = LedgerFixture.seal("etrap.public.orders", LedgerFixture.entries("etrap.public.orders", 1_790_000_000_000L));
        Manifest written = LedgerFixture.write(batch);
        String leaf = ((LeafOutcome.Leaf) batch.leaves().get(0)).text();
        Api.operator().get("/v1/ledger/batches/" + written.batchId()).then().statusCode(200).body("s3_consistent", equalTo(true));

        var answer = Api.operator().contentType("application/json").body("{\"leaf\":" + leaf + ",\"batch_id\":\"" + written.batchId() + "\"}")
                .post("/v1/ledger/verify").then().statusCode(503)
                .body("code", equalTo("chain_unavailable")).body("message", containsString("not answered from S3 alone"))
                .extract().jsonPath();
        assertThat(answer.getString("verdict")).as("no verdict without the chain").isNull();
    }
}
