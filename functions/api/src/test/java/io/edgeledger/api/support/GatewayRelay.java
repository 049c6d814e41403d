package io.edgeledger.api.support;

import com.sun.net.httpserver.HttpExchange;
import io.edgeledger.testing.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands where API Gateway stands for a real client (the edge probe's forwarder) in front of the test app: Quarkus'
 * test-mode Lambda event server turns a JSON-typed body into text, which corrupts gzip bytes that API Gateway would
 * base64-encode, so a gzipped body is passed on typed application/octet-stream (the signature does not cover the type).
 */
public final class GatewayRelay implements AutoCloseable {
    private static final Set<String> NOT_PASSED = Set.of("host", "content-length", "connection", "content-type", "expect",
            "upgrade", "transfer-encoding", "keep-alive");
    private final URI app;
    private final LoopbackHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public GatewayRelay(URI app) {
        this.app = app;
        server = new LoopbackHttpServer(this::relay);
    }

    public URI url() {
        return server.url();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_PASSED.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(v -> request.header(header.getKey(), v));
                }
            }
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (gzip || type != null) {
                request.header("Content-Type", gzip ? "application/octet-stream" : type);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            response.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
