package io.edgeledger.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.edgeledger.near.crypto.NearPublicKey;
import io.edgeledger.near.rpc.AccessKeyView;
import io.edgeledger.near.rpc.BlockView;
import io.edgeledger.near.rpc.InvalidNonceException;
import io.edgeledger.near.rpc.InvalidSignatureException;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NodeUnreachableException;
import io.edgeledger.near.rpc.RpcTimeoutException;
import io.edgeledger.near.rpc.TransactionExpiredException;
import io.edgeledger.near.rpc.TxOutcome;
import io.edgeledger.near.rpc.UnknownAccessKeyException;
import io.edgeledger.near.rpc.WaitUntil;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client reads every response kind in near-rpc-samples.json (served verbatim over HTTP) into the right
 * type, and sends request bodies shaped like the samples' requests.
 */
class RpcSampleErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode samples;
    private static HttpServer server;
    private static final AtomicReference<String> nextBody = new AtomicReference<>();
    private static final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
    private static NearRpcClient rpc;
    private static SignedTransaction vectorTx;

    @BeforeAll
    static void serve() throws IOException {
        samples = JSON.readTree(SharedData.resolve("vectors/near-rpc-samples.json").toFile());
        JsonNode vectors = JSON.readTree(SharedData.resolve("vectors/near-tx.json").toFile());
        vectorTx = SignedTransaction.decodeBase64(vectors.at("/vectors/0/expected/signed_transaction_borsh_base64").asText());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            lastRequest.set(JSON.readTree(exchange.getRequestBody()));
            byte[] body = nextBody.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        rpc = new NearRpcClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(String response) {
        nextBody.set(samples.path("responses").path(response).toString());
    }

    private static void assertRequestLike(String sample) {
        JsonNode expected = samples.path("requests").path(sample);
        assertThat(lastRequest.get()).isEqualTo(expected);
    }

    @Test
    void viewAccessKey() {
        answer("view_access_key_ok");
        AccessKeyView key = rpc.viewAccessKey("acme.testnet", NearPublicKey.parse("ed25519:4hiXHTMfRkzTH41Satx7ihbePYLPG2CkZNbyq19FFvjn"));
        assertThat(key.nonce()).isEqualTo(187654000000L);
        assertThat(key.nextNonce()).isEqualTo(187654000001L);
        assertThat(key.blockHeight()).isEqualTo(187654321L);
        assertRequestLike("view_access_key");
    }

    @Test
    void unknownAccessKeyInLegacyResultForm() {
        answer("view_access_key_unknown_legacy");
        assertThatThrownBy(() -> rpc.viewAccessKey("acme.testnet", NearPublicKey.parse("ed25519:4hiXHTMfRkzTH41Satx7ihbePYLPG2CkZNbyq19FFvjn")))
                .isInstanceOf(UnknownAccessKeyException.class).hasMessageContaining("does not exist");
    }

    @Test
    void finalBlockWithTimestampAboveTwoToThe53() {
        answer("block_final_ok_abridged");
        BlockView block = rpc.finalBlock();
        assertThat(block.height()).isEqualTo(187654321L);
        assertThat(block.hash()).isEqualTo("8Rvmkx6qhbrfBDhfqHKd9VcFHvVVpuX3rYfPHHSSXiCZ");
        assertThat(block.timestampNanos()).isEqualTo(1714554125123456800L);
        assertRequestLike("block_final");
    }

    @Test
    void sendTxSuccess() {
        answer("send_tx_success");
        TxOutcome outcome = rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.pending()).isFalse();
        assertThat(outcome.hash()).isEqualTo("AAxY2qcZHd6eNzMvVqshMZciFjTVCKt8GUXk5M4Ww3rv");
        assertThat(outcome.blockHash()).isEqualTo("2WAbkixNQfhyRJXfzuk3iUoGarp4cFjV6woeV2EUHroj");
        assertThat(new String(outcome.successValue(), StandardCharsets.UTF_8)).contains("\"token_id\":\"BATCH-2024-05-01-3f9a1c2e\"");
        assertThat(outcome.logs()).anySatisfy(l -> assertThat(l).startsWith("EVENT_JSON:"));
        assertRequestLike("send_tx");

        rpc.sendTx(vectorTx, WaitUntil.FINAL);
        assertRequestLike("send_tx_wait_final");
    }

    @Test
    void sendTxWaitNoneIsPending() {
        answer("send_tx_wait_none");
        TxOutcome outcome = rpc.sendTx(vectorTx, WaitUntil.NONE);
        assertThat(outcome.pending()).isTrue();
        assertThat(outcome.finalExecutionStatus()).isEqualTo("NONE");
    }

    @Test
    void contractPanicIsAFailedResult() {
        answer("send_tx_contract_panic_token_exists");
        TxOutcome outcome = rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failureMessage()).isEqualTo("Smart contract panicked: Token already exists");
    }

    @Test
    void invalidNonceCarriesTheKeysNonce() {
        answer("send_tx_invalid_nonce");
        assertThatThrownBy(() -> rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOfSatisfying(InvalidNonceException.class, e -> {
                    assertThat(e.akNonce()).isEqualTo(187654000001L);
                    assertThat(e.txNonce()).isEqualTo(187654000001L);
                    assertThat(e.outcomeUnknown()).isFalse();
                });
    }

    @Test
    void invalidNonceAboveTwoToThe63IsReadUnsigned() {
        nextBody.set(samples.path("responses").path("send_tx_invalid_nonce").toString()
                .replace("187654000001", "18446744073709551615"));
        assertThatThrownBy(() -> rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOfSatisfying(InvalidNonceException.class,
                        e -> assertThat(Long.toUnsignedString(e.akNonce())).isEqualTo("18446744073709551615"));
    }

    @Test
    void expired() {
        answer("send_tx_expired");
        assertThatThrownBy(() -> rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC)).isInstanceOf(TransactionExpiredException.class);
    }

    @Test
    void invalidSignature() {
        answer("send_tx_invalid_signature");
        assertThatThrownBy(() -> rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void timeoutMeansOutcomeUnknown() {
        answer("send_tx_timeout");
        assertThatThrownBy(() -> rpc.sendTx(vectorTx, WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOfSatisfying(RpcTimeoutException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    }

    @Test
    void txStatusAndViewRequestsMatchTheSamples() {
        answer("send_tx_success");
        rpc.txStatus("AAxY2qcZHd6eNzMvVqshMZciFjTVCKt8GUXk5M4Ww3rv", "acme.testnet", WaitUntil.EXECUTED_OPTIMISTIC);
        assertRequestLike("tx_status");

        nextBody.set("{\"jsonrpc\":\"2.0\",\"id\":\"dontcare\",\"result\":{\"result\":[110,117,108,108],\"logs\":[],\"block_height\":1,\"block_hash\":\"x\"}}");
        assertThat(rpc.callFunction("acme.testnet", "get_batch_summary", "{\"token_id\":\"BATCH-2024-05-01-3f9a1c2e\"}").resultUtf8())
                .isEqualTo("null");
        assertRequestLike("view_call_get_batch_summary");
    }

    @Test
    void garbageAndRefusedConnectionsAreUnreachable() {
        nextBody.set("<html>502 Bad Gateway</html>");
        assertThatThrownBy(() -> rpc.finalBlock()).isInstanceOf(NodeUnreachableException.class).hasMessageContaining("without a JSON-RPC body");
        NearRpcClient nowhere = new NearRpcClient(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(2));
        assertThatThrownBy(nowhere::finalBlock).isInstanceOf(NodeUnreachableException.class);
    }
}
