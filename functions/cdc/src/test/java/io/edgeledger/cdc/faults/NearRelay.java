package io.edgeledger.cdc.faults;

import com.sun.net.httpserver.HttpExchange;
import io.edgeledger.testing.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A NEAR RPC node in front of the emulator for one minter: it passes every JSON-RPC call through, except that it can
 * answer transaction submissions with an HTTP error (an overloaded node) or, once, run something before passing a
 * chosen call on (another minter's whole run, to put two minters' steps in a chosen order).
 */
public final class NearRelay implements AutoCloseable {
    private final URI target;
    private final LoopbackHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private volatile String pendingMarker;
    private volatile int submissionStatus;

    public NearRelay(URI target) {
        this.target = target;
        server = new LoopbackHttpServer(this::relay);
    }

    public URI url() {
        return server.url();
    }

    /** Every transaction submission gets this HTTP status and nothing reaches the chain (0: pass them on). */
    public void failSubmissionsWith(int status) {
        submissionStatus = status;
    }

    /**
     * Runs {@code action} to its end when the first call whose JSON contains {@code marker} arrives, then passes that
     * call on: e.g. {@code "view_access_key"}, which a minter asks just before it signs a transaction.
     */
    public void beforeFirst(String marker, Runnable action) {
        pendingMarker = marker;
        pending.set(action);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            boolean submission = text.contains("\"send_tx\"") || text.contains("\"broadcast_tx");
            if (submission && submissionStatus != 0) {
                answer(exchange, submissionStatus, "node overloaded".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String marker = pendingMarker;
            if (marker != null && text.contains(marker)) {
                Runnable action = pending.getAndSet(null);
                if (action != null) {
                    action.run();
                }
            }
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
