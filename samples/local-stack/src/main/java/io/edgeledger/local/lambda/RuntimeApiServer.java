package io.edgeledger.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment, as the runtime interface client inside the
 * function's JVM sees it at AWS_LAMBDA_RUNTIME_API: {@code GET /runtime/invocation/next} long-polls for the next
 * event (request id, deadline, function ARN and trace id in the Lambda-Runtime-* headers),
 * {@code POST /runtime/invocation/{id}/response} and {@code /error} report the outcome, {@code POST
 * /runtime/init/error} a failed start. SnapStart's {@code GET /runtime/restore/next} answers at once: there is no
 * snapshot here, but the runtime's beforeCheckpoint / afterRestore hooks (the priming) run in the same order.
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    /** Lambda's limit on a synchronous response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final String functionArn;
    /** Completes when the runtime first asks for an event (init done) or reports an init error. */
    final CompletableFuture<String> initOutcome = new CompletableFuture<>();
    volatile long restoreNextAtNanos;

    RuntimeApiServer(String functionArn) throws IOException {
        this.functionArn = functionArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void submit(Invocation invocation) {
        queue.add(invocation);
    }

    /** The environment is gone (timeout, crash): everything it had not answered fails. */
    void failPending(String errorType, String message) {
        for (Invocation i : inFlight.values()) {
            i.result().complete(InvocationResult.failure(i.requestId(), errorType, message));
        }
        inFlight.clear();
        Invocation queued;
        while ((queued = queue.poll()) != null) {
            queued.result().complete(InvocationResult.failure(queued.requestId(), errorType, message));
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.startsWith(PREFIX)) {
                reply(ex, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"not a Runtime API path\"}");
                return;
            }
            String[] parts = path.substring(PREFIX.length()).split("/");
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.endsWith("/invocation/next")) {
                next(ex);
            } else if (method.equals("POST") && parts.length == 3 && parts[0].equals("invocation")
                    && (parts[2].equals("response") || parts[2].equals("error"))) {
                outcome(ex, parts[1], parts[2].equals("error"), body);
            } else if (method.equals("POST") && path.endsWith("/init/error")) {
                initOutcome.complete(header(ex, "Lambda-Runtime-Function-Error-Type", "Runtime.Unknown") + ": "
                        + new String(body, StandardCharsets.UTF_8));
                reply(ex, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("GET") && path.endsWith("/restore/next")) {
                restoreNextAtNanos = System.nanoTime();
                reply(ex, 200, "");
            } else if (method.equals("POST") && path.endsWith("/restore/error")) {
                initOutcome.complete("restore error: " + new String(body, StandardCharsets.UTF_8));
                reply(ex, 202, "{\"status\":\"OK\"}");
            } else {
                reply(ex, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"" + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange ex) throws IOException {
        initOutcome.complete(null);
        Invocation invocation;
        try {
            invocation = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(ex, 500, "{\"errorType\":\"ServiceException\",\"errorMessage\":\"shutting down\"}");
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        ex.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
        ex.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        ex.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                + "-" + invocation.requestId().replace("-", "").substring(0, 24) + ";Parent=0000000000000000;Sampled=0");
        ex.sendResponseHeaders(200, invocation.payload().length == 0 ? -1 : invocation.payload().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(invocation.payload());
        }
    }

    private void outcome(HttpExchange ex, String requestId, boolean error, byte[] body) throws IOException {
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            reply(ex, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"no invocation " + requestId + " in flight\"}");
            return;
        }
        if (!error && body.length > MAX_RESPONSE_BYTES) {
            invocation.result().complete(InvocationResult.failure(requestId, "Function.ResponseSizeTooLarge",
                    "response of " + body.length + " bytes exceeds " + MAX_RESPONSE_BYTES));
            reply(ex, 413, "{\"errorType\":\"RequestEntityTooLarge\",\"errorMessage\":\"response too large\"}");
            return;
        }
        String type = error ? header(ex, "Lambda-Runtime-Function-Error-Type", "Runtime.Unknown") : null;
        invocation.result().complete(new InvocationResult(requestId, type, body));
        reply(ex, 202, "{\"status\":\"OK\"}");
    }

    private static String header(HttpExchange ex, String name, String fallback) {
        String v = ex.getRequestHeaders().getFirst(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
