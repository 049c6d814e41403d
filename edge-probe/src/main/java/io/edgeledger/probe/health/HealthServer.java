package io.edgeledger.probe.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The probe's own endpoint, on localhost only by default (127.0.0.1:5002): {@code GET /health} (liveness),
 * {@code GET /metrics} (Prometheus text) and {@code GET /status} (the JSON {@code edge-probe status} prints).
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    /** {@code metrics}: Prometheus text; {@code status}: the status JSON (both asked for per request). */
    public HealthServer(InetSocketAddress bind, Supplier<String> metrics, Supplier<String> status) throws IOException {
        try {
            server = HttpServer.create(bind, 16);
        } catch (IOException e) {
            throw new IOException("health endpoint cannot listen on " + bind + ": " + e.getMessage()
                    + " (set health.port in edge-probe.yaml, 0 to disable)", e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().name("health-http").daemon().unstarted(r)));
        server.createContext("/health", ex -> reply(ex, 200, "application/json", () -> "{\"status\":\"ok\"}"));
        server.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4", metrics));
        server.createContext("/status", ex -> reply(ex, 200, "application/json", status));
        server.createContext("/", ex -> reply(ex, 404, "application/json",
                () -> "{\"code\":\"not_found\",\"message\":\"try /health, /metrics or /status\"}"));
    }

    public HealthServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int code, String type, Supplier<String> body) throws IOException {
        try (ex) {
            String text;
            if (!ex.getRequestMethod().equals("GET")) {
                code = 405;
                type = "application/json";
                text = "{\"code\":\"method_not_allowed\",\"message\":\"GET only\"}";
            } else {
                try {
                    text = body.get();
                } catch (RuntimeException e) {
                    code = 500;
                    type = "application/json";
                    text = "{\"code\":\"internal\",\"message\":\"" + e.getClass().getSimpleName() + "\"}";
                }
            }
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(code, b.length);
            ex.getResponseBody().write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
