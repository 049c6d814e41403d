package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's answers have the structure of near-rpc-samples.json: the same members, the same JSON types
 * (nonces and gas as numbers, amounts as strings), errors byte-identical where the samples have no variable part.
 */
class ResponseShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode samples;
    private static NearEmulator near;
    private static NearRpcClient rpc;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        samples = JSON.readTree(SharedData.resolve("vectors/near-rpc-samples.json").toFile()).path("responses");
        near = NearEmulator.start(EmulatorOptions.defaults().withExpiryBlocks(3));
        rpc = new NearRpcClient(near.url(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        near.close();
    }

    /** Members and JSON types, recursively; arrays by their first element. */
    static Object shape(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            node.properties().forEach(e -> {
                if (!e.getKey().startsWith("_")) {
                    out.put(e.getKey(), shape(e.getValue()));
                }
            });
            return out;
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : java.util.List.of(shape(node.get(0)));
        }
        return node.getNodeType().toString();
    }

    static JsonNode post(String method, JsonNode params) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", "dontcare").put("method", method);
        body.set("params", params);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(near.url()).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    static JsonNode send(SignedTransaction tx) throws Exception {
        return post("send_tx", JsonNodeFactory.instance.objectNode().put("signed_tx_base64", tx.base64()).put("wait_until", "EXECUTED_OPTIMISTIC"));
    }

    private static String args(String tokenId) {
        return EmulatorFixtures.args(tokenId, near.signer().accountId()).toJson();
    }

    @Test
    void successAndPanicResults() throws Exception {
        JsonNode ok = send(EmulatorFixtures.nextMintTx(near, rpc, args("BATCH-2026-12-01-5ba9e001")));
        assertThat(shape(ok)).isEqualTo(shape(samples.path("send_tx_success")));

        JsonNode panic = send(EmulatorFixtures.nextMintTx(near, rpc, args("BATCH-2026-12-01-5ba9e001")));
        assertThat(shape(panic)).isEqualTo(shape(samples.path("send_tx_contract_panic_token_exists")));
        assertThat(panic.at("/result/status")).isEqualTo(samples.at("/send_tx_contract_panic_token_exists/result/status"));

        JsonNode none = post("send_tx", JsonNodeFactory.instance.objectNode()
                .put("signed_tx_base64", EmulatorFixtures.nextMintTx(near, rpc, args("BATCH-2026-12-01-5ba9e002")).base64())
                .put("wait_until", "NONE"));
        assertThat(none).isEqualTo(strip(samples.path("send_tx_wait_none")));
    }

    @Test
    void errorsAreByteForByteWhereTheSamplesAreConstant() throws Exception {
        SignedTransaction good = EmulatorFixtures.nextMintTx(near, rpc, args("BATCH-2026-12-01-5ba9e003"));
        byte[] signature = good.signature();
        signature[0] ^= 1;
        assertThat(send(new SignedTransaction(good.transaction(), signature))).isEqualTo(strip(samples.path("send_tx_invalid_signature")));

        near.produceBlocks(4);
        assertThat(send(good)).isEqualTo(strip(samples.path("send_tx_expired")));

        SignedTransaction first = EmulatorFixtures.nextMintTx(near, rpc, args("BATCH-2026-12-01-5ba9e004"));
        send(first);
        SignedTransaction reuse = EmulatorFixtures.mintTx(near, rpc, args("BATCH-2026-12-01-5ba9e005"), first.transaction().nonce(),
                Base58.decode(rpc.finalBlock().hash()));
        JsonNode invalidNonce = send(reuse);
        String expected = strip(samples.path("send_tx_invalid_nonce")).toString()
                .replace("187654000001", Long.toUnsignedString(first.transaction().nonce()));
        assertThat(invalidNonce).isEqualTo(JSON.readTree(expected));

        near.faults().next(Fault.Kind.TIMEOUT);
        assertThat(send(EmulatorFixtures.nextMintTx(near, rpc, args("BATCH-2026-12-01-5ba9e006")))).isEqualTo(strip(samples.path("send_tx_timeout")));
    }

    @Test
    void viewsAndBlocks() throws Exception {
        ObjectNode keyQuery = JsonNodeFactory.instance.objectNode().put("request_type", "view_access_key").put("finality", "final")
                .put("account_id", near.signer().accountId()).put("public_key", near.signer().keyPair().publicKey().toString());
        assertThat(shape(post("query", keyQuery))).isEqualTo(shape(samples.path("view_access_key_ok")));
        keyQuery.put("public_key", "ed25519:4hiXHTMfRkzTH41Satx7ihbePYLPG2CkZNbyq19FFvjn");
        JsonNode unknown = post("query", keyQuery);
        assertThat(shape(unknown)).isEqualTo(shape(samples.path("view_access_key_unknown_legacy")));
        assertThat(unknown.at("/result/error").asText())
                .isEqualTo(samples.at("/view_access_key_unknown_legacy/result/error").asText());

        JsonNode block = post("block", JsonNodeFactory.instance.objectNode().put("finality", "final"));
        assertThat(shape(block)).isEqualTo(shape(samples.path("block_final_ok_abridged")));
    }

    private static JsonNode strip(JsonNode sample) {
        ObjectNode copy = sample.deepCopy();
        copy.remove("_note");
        return copy;
    }
}
