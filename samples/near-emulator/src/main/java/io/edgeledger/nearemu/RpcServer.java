package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearPublicKey;
import io.edgeledger.near.tx.SignedTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JSON-RPC endpoint: {@code send_tx}, {@code broadcast_tx_commit}, {@code broadcast_tx_async}, {@code tx},
 * {@code block}, {@code query} (view_access_key, view_account, call_function), {@code status}, and the test hook
 * {@code emulator_fault}. Answers have the shapes of ../shared/vectors/near-rpc-samples.json.
 */
final class RpcServer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final NodeState state;
    private final TransactionExecutor executor;
    private final Faults faults;
    private final Runnable onChange;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicInteger submissions = new AtomicInteger();
    /** A stand-in code hash for the built-in contract (there is no wasm). */
    private static final String NOTARY_CODE_HASH = Base58.encode(TransactionExecutor.sha256("edgeledger-emulated-notary"));

    RpcServer(NodeState state, Faults faults, Runnable onChange, String host, int port) throws IOException {
        this.state = state;
        this.executor = new TransactionExecutor(state);
        this.faults = faults;
        this.onChange = onChange;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, "{\"error\":\"JSON-RPC: POST a JSON body\"}");
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readTree(in);
            } catch (IOException e) {
                respond(exchange, 400, envelope(null, null, RpcError.badRequest("body is not JSON: " + e.getMessage())).toString());
                return;
            }
            if (request == null || !request.isObject() || !request.path("method").isTextual()) {
                respond(exchange, 400, envelope(null, null, RpcError.badRequest("not a JSON-RPC request")).toString());
                return;
            }
            JsonNode id = request.get("id");
            String method = request.get("method").asText();
            JsonNode params = request.path("params");
            try {
                JsonNode result = dispatch(method, params, exchange);
                if (result == null) {
                    dropConnection(exchange);
                    return;
                }
                respond(exchange, 200, envelope(id, result, null).toString());
            } catch (RpcError e) {
                int status = e.error.path("cause").path("name").asText().equals("TIMEOUT_ERROR") ? 408 : 200;
                respond(exchange, status, envelope(id, null, e).toString());
            }
        }
    }

    private JsonNode dispatch(String method, JsonNode params, HttpExchange exchange) {
        return switch (method) {
            case "send_tx" -> sendTx(param(params, "signed_tx_base64", 0), params.path("wait_until").asText("EXECUTED_OPTIMISTIC"));
            case "broadcast_tx_commit" -> sendTx(param(params, "signed_tx_base64", 0), "EXECUTED_OPTIMISTIC");
            case "broadcast_tx_async" -> {
                JsonNode out = sendTx(param(params, "signed_tx_base64", 0), "NONE");
                yield out == null ? null : F.textNode(SignedTransaction.decodeBase64(param(params, "signed_tx_base64", 0)).hashBase58());
            }
            case "tx", "EXPERIMENTAL_tx_status" -> txStatus(param(params, "tx_hash", 0));
            case "block" -> block(params);
            case "query" -> query(params);
            case "status" -> status();
            case "emulator_fault" -> {
                faults.next(Fault.parse(param(params, "fault", 0)));
                yield F.objectNode().put("queued", faults.pending());
            }
            default -> throw RpcError.methodNotFound(method);
        };
    }

    private static byte[] decodeBase64(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signed transaction is not base64: " + e.getMessage());
        }
    }

    /** Returns null when the fault says to drop the answer. */
    private JsonNode sendTx(String base64, String waitUntil) {
        SignedTransaction signed;
        byte[] raw;
        try {
            raw = decodeBase64(base64);
            signed = SignedTransaction.decode(raw);
        } catch (IllegalArgumentException e) {
            throw RpcError.badRequest("Failed to decode transaction: " + e.getMessage());
        }
        submissions.incrementAndGet();
        Fault fault = faults.poll();
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.DELAY) {
            sleep(fault.delay().toMillis());
        }
        if (kind == Fault.Kind.LOSE) {
            throw RpcError.timeout();
        }
        ObjectNode outcome;
        synchronized (state) {
            if (kind == Fault.Kind.EXPIRE) {
                for (int i = 0; i <= state.chain.expiryBlocks(); i++) {
                    state.chain.produce(new byte[0]);
                }
            }
            if (kind == Fault.Kind.INVALID_NONCE) {
                Account signer = state.accounts.get(signed.transaction().signerId());
                Long nonce = signer == null ? null : signer.keyNonces.get(signed.transaction().publicKey());
                if (nonce != null && Long.compareUnsigned(nonce, signed.transaction().nonce()) < 0) {
                    // another client used the key meanwhile: the key's nonce is now at ours
                    signer.keyNonces.put(signed.transaction().publicKey(), signed.transaction().nonce());
                }
            }
            try {
                outcome = executor.submit(signed, raw);
            } finally {
                onChange.run();
            }
        }
        if (kind == Fault.Kind.DROP_RESPONSE) {
            return null;
        }
        if (kind == Fault.Kind.TIMEOUT) {
            throw RpcError.timeout();
        }
        if (waitUntil.equals("NONE") || waitUntil.equals("INCLUDED") || waitUntil.equals("INCLUDED_FINAL")) {
            return F.objectNode().put("final_execution_status", waitUntil);
        }
        return withStatus(outcome);
    }

    private JsonNode txStatus(String hash) {
        synchronized (state) {
            NodeState.StoredTx stored = state.txs.get(hash);
            if (stored == null) {
                throw RpcError.unknownTransaction(hash);
            }
            return withStatus(stored.outcome());
        }
    }

    /** Final once two more blocks are on top, as with NEAR's doomslug finality. */
    private ObjectNode withStatus(ObjectNode outcome) {
        synchronized (state) {
            ObjectNode copy = outcome.deepCopy();
            Block included = state.chain.byHash(outcome.path("transaction_outcome").path("block_hash").asText());
            boolean fin = included == null || state.chain.head().height() >= included.height() + 2;
            copy.put("final_execution_status", fin ? "FINAL" : "EXECUTED_OPTIMISTIC");
            return copy;
        }
    }

    private JsonNode block(JsonNode params) {
        synchronized (state) {
            Block block = blockRef(params);
            ObjectNode result = F.objectNode();
            result.put("author", "emulator.node");
            ObjectNode header = result.putObject("header");
            header.put("height", block.height());
            header.put("prev_height", block.height() - 1);
            header.put("hash", block.hashBase58());
            header.put("prev_hash", block.prevHashBase58());
            header.put("epoch_id", "11111111111111111111111111111111");
            header.put("timestamp", block.timestampNanos());
            header.put("timestamp_nanosec", Long.toString(block.timestampNanos()));
            header.put("gas_price", TransactionExecutor.GAS_PRICE.toString());
            header.put("chunks_included", 1);
            header.put("latest_protocol_version", 73);
            result.putArray("chunks");
            return result;
        }
    }

    /** {@code finality} (final/optimistic: the head) or {@code block_id} (height or hash). */
    private Block blockRef(JsonNode params) {
        JsonNode id = params.isArray() ? params.get(0) : params.get("block_id");
        if (id == null || id.isNull()) {
            return state.chain.head();
        }
        Block block = id.isIntegralNumber() ? state.chain.byHeight(id.asLong()) : state.chain.byHash(id.asText());
        if (block == null) {
            throw RpcError.unknownBlock(id.asText());
        }
        return block;
    }

    private JsonNode query(JsonNode params) {
        String type = params.path("request_type").asText("");
        synchronized (state) {
            Block at = blockRef(params);
            String accountId = params.path("account_id").asText("");
            return switch (type) {
                case "view_access_key" -> viewAccessKey(accountId, params.path("public_key").asText(""), at);
                case "view_account" -> viewAccount(accountId, at);
                case "call_function" -> callFunction(accountId, params.path("method_name").asText(""),
                        params.path("args_base64").asText(""), at);
                default -> throw RpcError.badRequest("unsupported request_type '" + type + "' (emulator knows view_access_key, view_account, call_function)");
            };
        }
    }

    private JsonNode viewAccessKey(String accountId, String publicKey, Block at) {
        Account account = state.accounts.get(accountId);
        Long nonce = null;
        try {
            nonce = account == null ? null : account.keyNonces.get(NearPublicKey.parse(publicKey));
        } catch (IllegalArgumentException e) {
            throw RpcError.badRequest("invalid public_key: " + e.getMessage());
        }
        ObjectNode result = F.objectNode();
        result.put("block_hash", at.hashBase58());
        result.put("block_height", at.height());
        if (nonce == null) {
            // nearcore's legacy form: the error sits inside "result"
            result.put("error", "access key " + publicKey + " does not exist while viewing");
            result.putArray("logs");
            return result;
        }
        result.put("nonce", TransactionExecutor.u64(nonce));
        result.put("permission", "FullAccess");
        return result;
    }

    private JsonNode viewAccount(String accountId, Block at) {
        Account account = state.accounts.get(accountId);
        if (account == null) {
            throw RpcError.unknownAccount(accountId, at);
        }
        ObjectNode result = F.objectNode();
        result.put("amount", account.amount.toString());
        result.put("locked", "0");
        result.put("code_hash", accountId.equals(state.contractId) ? NOTARY_CODE_HASH : "11111111111111111111111111111111");
        result.put("storage_usage", 182);
        result.put("storage_paid_at", 0);
        result.put("block_height", at.height());
        result.put("block_hash", at.hashBase58());
        return result;
    }

    private JsonNode callFunction(String accountId, String method, String argsBase64, Block at) {
        if (!accountId.equals(state.contractId)) {
            if (!state.accounts.containsKey(accountId)) {
                throw RpcError.unknownAccount(accountId, at);
            }
            throw RpcError.contractExecution("CompilationError(CodeDoesNotExist { account_id: \"" + accountId + "\" })", at);
        }
        byte[] args;
        try {
            args = Base64.getDecoder().decode(argsBase64);
        } catch (IllegalArgumentException e) {
            throw RpcError.badRequest("args_base64 is not base64");
        }
        byte[] value;
        try {
            value = state.notary.view(method, args);
        } catch (NotaryContract.MethodNotFound e) {
            throw RpcError.contractExecution("MethodResolveError(MethodNotFound)", at);
        } catch (ContractPanic e) {
            throw RpcError.contractExecution("HostError(GuestPanic { panic_msg: \"" + e.getMessage() + "\" })", at);
        }
        ObjectNode result = F.objectNode();
        ArrayNode bytes = result.putArray("result");
        for (byte b : value) {
            bytes.add(b & 0xff);
        }
        result.putArray("logs");
        result.put("block_height", at.height());
        result.put("block_hash", at.hashBase58());
        return result;
    }

    private JsonNode status() {
        synchronized (state) {
            ObjectNode result = F.objectNode();
            result.put("chain_id", "emulator");
            result.put("protocol_version", 73);
            result.put("latest_protocol_version", 73);
            ObjectNode sync = result.putObject("sync_info");
            sync.put("latest_block_hash", state.chain.head().hashBase58());
            sync.put("latest_block_height", state.chain.head().height());
            sync.put("syncing", false);
            result.putObject("version").put("version", "edgeledger-near-emulator").put("build", "local");
            return result;
        }
    }

    private static String param(JsonNode params, String name, int position) {
        JsonNode value = params.isArray() ? params.get(position) : params.get(name);
        if (value == null || !value.isTextual()) {
            throw RpcError.badRequest("missing parameter " + name);
        }
        return value.asText();
    }

    private static ObjectNode envelope(JsonNode id, JsonNode result, RpcError error) {
        ObjectNode out = F.objectNode();
        out.put("jsonrpc", "2.0");
        if (error != null) {
            out.set("error", error.error);
        } else {
            out.set("result", result);
        }
        out.set("id", id == null ? F.textNode("dontcare") : id);
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The JDK server closes the connection when a handler throws before answering: the client sees the
     * connection drop with no response, as when a node or proxy dies mid-request.
     */
    private static void dropConnection(HttpExchange exchange) {
        throw new DroppedResponse();
    }

    private static final class DroppedResponse extends RuntimeException {
        DroppedResponse() {
            super("response dropped by fault injection", null, false, false);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
