package io.edgeledger.probe.forwarder;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.edgeledger.wire.CallbackSignature;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTPS backend for tests, doing what DESIGN.md 2.5 asks of the API: verifies the signature with
 * {@link CallbackSignature}, refuses skew and reused nonces (401) and unknown probes (403), and ingests each batch
 * once by {@code batch_id}. It can be switched down (503) or made to hold requests.
 */
public final class TestIngestServer implements AutoCloseable {
    public record Ingested(String path, JsonNode body) {}

    private final HttpsServer server;
    private final String probeId;
    private final CallbackSignature signature;
    private final Map<String, Ingested> byBatch = new ConcurrentHashMap<>();
    /** Every batch posted and answered 2xx, in arrival order, repeats included (what the probe sent, not what was kept). */
    public final ConcurrentLinkedQueue<Ingested> received = new ConcurrentLinkedQueue<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> jobs = new ConcurrentLinkedQueue<>();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger duplicates = new AtomicInteger();
    public final AtomicInteger rejectedSignatures = new AtomicInteger();
    public volatile boolean down;
    /** Batches to refuse with the given status instead of ingesting them (as the API refuses an invalid payload). */
    public final Map<String, Integer> refuse = new ConcurrentHashMap<>();
    public volatile CountDownLatch holdRequests;
    public final CountDownLatch firstRequest = new CountDownLatch(1);

    public TestIngestServer(TestCertificates certs, String probeId, String secret) throws Exception {
        this.probeId = probeId;
        this.signature = new CallbackSignature(secret);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    public Map<String, Ingested> ingested() {
        return byBatch;
    }

    /** Queues a job JSON object for the long-poll endpoint. */
    public void addJob(String jobJson) {
        jobs.add(jobJson);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            firstRequest.countDown();
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            CountDownLatch hold = holdRequests;
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                reply(ex, 503, "{\"code\":\"unavailable\",\"message\":\"down for the test\"}");
                return;
            }
            String who = ex.getRequestHeaders().getFirst(CallbackSignature.HEADER_PROBE);
            if (!probeId.equals(who)) {
                reply(ex, 403, "{\"code\":\"unknown_probe\",\"message\":\"unknown probe\"}");
                return;
            }
            long ts;
            try {
                ts = CallbackSignature.parseTimestamp(ex.getRequestHeaders().getFirst(CallbackSignature.HEADER_TIMESTAMP));
            } catch (IllegalArgumentException e) {
                reply(ex, 401, "{\"code\":\"bad_signature\",\"message\":\"bad timestamp\"}");
                return;
            }
            String nonce = ex.getRequestHeaders().getFirst(CallbackSignature.HEADER_NONCE);
            String sig = ex.getRequestHeaders().getFirst(CallbackSignature.HEADER_SIGNATURE);
            String path = ex.getRequestURI().getRawPath();
            if (!CallbackSignature.withinSkew(ts, Instant.now()) || !CallbackSignature.validNonce(nonce)
                    || !signature.verify(sig, ts, nonce, ex.getRequestMethod(), path, body) || !nonces.add(nonce)) {
                rejectedSignatures.incrementAndGet();
                reply(ex, 401, "{\"code\":\"bad_signature\",\"message\":\"signature, skew or nonce refused\"}");
                return;
            }
            if (ex.getRequestMethod().equals("GET") && path.equals("/v1/probes/" + probeId + "/jobs")) {
                StringBuilder sb = new StringBuilder("[");
                for (String j; (j = jobs.poll()) != null; ) {
                    sb.append(sb.length() > 1 ? "," : "").append(j);
                }
                reply(ex, 200, sb.append("]").toString());
                return;
            }
            if (!ex.getRequestMethod().equals("POST") || !path.startsWith("/v1/ingest/")) {
                reply(ex, 404, "{\"code\":\"not_found\",\"message\":\"no route\"}");
                return;
            }
            byte[] json = "gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
            JsonNode tree = ProbeJson.mapper().readTree(json);
            if (!tree.hasNonNull("batch_id")) {
                reply(ex, 400, "{\"code\":\"bad_request\",\"message\":\"batch_id missing\"}");
                return;
            }
            Integer refusal = refuse.get(tree.get("batch_id").asText());
            if (refusal != null) {
                reply(ex, refusal, "{\"code\":\"invalid_payload\",\"message\":\"refused for the test\"}");
                return;
            }
            received.add(new Ingested(path, tree));
            if (byBatch.putIfAbsent(tree.get("batch_id").asText(), new Ingested(path, tree)) != null) {
                duplicates.incrementAndGet();
            }
            reply(ex, 202, "{\"accepted\":true}");
        }
    }

    public List<Ingested> ingestedAt(String path) {
        return byBatch.values().stream().filter(i -> i.path().equals(path)).toList();
    }

    private static void reply(HttpExchange ex, int code, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        CountDownLatch hold = holdRequests;
        if (hold != null) {
            while (hold.getCount() > 0) {
                hold.countDown();
            }
        }
        server.stop(0);
    }
}
