package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.near.crypto.NearPublicKey;
import io.edgeledger.near.tx.SignedTransaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * NEAR JSON-RPC over java.net.http for the calls the notary needs. Every error answer becomes a typed
 * {@link NearRpcException}; u64 numbers (nonces, gas, heights) are read exactly, never through a double.
 */
public final class NearRpcClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final URI url;
    private final Duration requestTimeout;
    private final HttpClient http;

    public NearRpcClient(URI url, Duration requestTimeout) {
        this.url = url;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.max(1, Math.min(10, requestTimeout.toSeconds()))))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public NearRpcClient(URI url) {
        this(url, Duration.ofSeconds(30));
    }

    public URI url() {
        return url;
    }

    public AccessKeyView viewAccessKey(String accountId, NearPublicKey publicKey) {
        ObjectNode params = JSON.createObjectNode()
                .put("request_type", "view_access_key").put("finality", "final")
                .put("account_id", accountId).put("public_key", publicKey.toString());
        JsonNode result = call("query", params);
        if (result.hasNonNull("error")) {
            // nearcore still reports a missing key inside "result" (legacy form)
            throw new UnknownAccessKeyException("access key " + publicKey + " of account " + accountId
                    + " does not exist: " + result.get("error").asText() + " (check the account and key file)", result);
        }
        return new AccessKeyView(u64(result.get("nonce"), "nonce"), result.path("permission").toString(),
                result.path("block_hash").asText(null), u64(result.get("block_height"), "block_height"));
    }

    /** The latest final block: sign transactions against its hash. */
    public BlockView finalBlock() {
        return block(JSON.createObjectNode().put("finality", "final"));
    }

    public BlockView blockByHash(String hash) {
        return block(JSON.createObjectNode().put("block_id", hash));
    }

    private BlockView block(ObjectNode params) {
        JsonNode header = call("block", params).path("header");
        return new BlockView(u64(header.get("height"), "height"), header.path("hash").asText(), header.path("prev_hash").asText(null),
                header.has("timestamp") ? u64(header.get("timestamp"), "timestamp") : 0);
    }

    public TxOutcome sendTx(SignedTransaction tx, WaitUntil waitUntil) {
        ObjectNode params = JSON.createObjectNode().put("signed_tx_base64", tx.base64()).put("wait_until", waitUntil.name());
        return new TxOutcome(call("send_tx", params));
    }

    /** Status of a transaction by hash; {@link UnknownTransactionException} when the node has not seen it. */
    public TxOutcome txStatus(String txHash, String senderAccountId, WaitUntil waitUntil) {
        ObjectNode params = JSON.createObjectNode().put("tx_hash", txHash).put("sender_account_id", senderAccountId)
                .put("wait_until", waitUntil.name());
        return new TxOutcome(call("tx", params));
    }

    /** A view call at the final block; {@code argsJson} is sent as given (UTF-8). */
    public ViewResult callFunction(String contractId, String methodName, String argsJson) {
        ObjectNode params = JSON.createObjectNode()
                .put("request_type", "call_function").put("finality", "final")
                .put("account_id", contractId).put("method_name", methodName)
                .put("args_base64", Base64.getEncoder().encodeToString(argsJson.getBytes(StandardCharsets.UTF_8)));
        JsonNode result = call("query", params);
        if (result.hasNonNull("error")) {
            throw new ContractViewException("view " + contractId + "." + methodName + " failed: " + result.get("error").asText(), result);
        }
        JsonNode bytes = result.path("result");
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) bytes.get(i).asInt();
        }
        List<String> logs = new ArrayList<>();
        result.path("logs").forEach(l -> logs.add(l.asText()));
        return new ViewResult(out, logs, u64(result.get("block_height"), "block_height"), result.path("block_hash").asText(null));
    }

    /** Sends one JSON-RPC request and returns {@code result}, or throws the typed error. */
    public JsonNode call(String method, JsonNode params) {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "dontcare").put("method", method);
        body.set("params", params);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NodeUnreachableException("NEAR RPC " + url + " " + method + ": no answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnreachableException("interrupted while waiting for NEAR RPC " + method, e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new NodeUnreachableException("NEAR RPC " + url + " " + method + ": HTTP " + response.statusCode()
                    + " without a JSON-RPC body", null);
        }
        if (answer.has("error")) {
            throw RpcErrors.classify(method, answer.get("error"));
        }
        if (!answer.has("result")) {
            throw new NodeUnreachableException("NEAR RPC " + method + ": HTTP " + response.statusCode() + " answer has neither result nor error", null);
        }
        return answer.get("result");
    }

    static long u64(JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber()) {
            if (node != null && node.isTextual() && node.asText().matches("[0-9]{1,20}")) {
                return Long.parseUnsignedLong(node.asText());
            }
            throw new NearRpcException("NEAR RPC answer has no integer " + field + " (got " + node + ")", "BAD_ANSWER", node);
        }
        return node.bigIntegerValue().longValue();
    }
}
