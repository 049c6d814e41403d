package io.edgeledger.api.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import io.quarkus.arc.Arc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * {@code ./edgeledger api serve [--port P] [--host H] [--event-json]}: the API as a local HTTP server. Each request
 * becomes an API Gateway HTTP API v2 event handed to the handler AWS Lambda runs (Quarkus' {@link LambdaHttpHandler},
 * started through {@link QuarkusStreamHandler} exactly as on Lambda), so the local stack runs the deployed code path.
 * By default the event goes to that handler as the object the Lambda runtime would have parsed, skipping the event
 * JSON both ways (a tenth of the request CPU here); {@code --event-json} (or {@code EDGELEDGER_API_EVENT_JSON=true})
 * sends JSON bytes through {@link QuarkusStreamHandler#handleRequest} instead, the full runtime path. Unlike one
 * Lambda instance, requests run concurrently (virtual threads), as many Lambda instances would, so a job long-poll
 * does not hold up other calls.
 */
public final class LocalHttpMode {
    private LocalHttpMode() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("EDGELEDGER_API_PORT", "8080"));
        String host = System.getenv().getOrDefault("EDGELEDGER_API_HOST", "127.0.0.1");
        int timeoutMillis = Integer.parseInt(System.getenv().getOrDefault("EDGELEDGER_API_TIMEOUT_MS", "29000"));
        boolean eventJson = Boolean.parseBoolean(System.getenv().getOrDefault("EDGELEDGER_API_EVENT_JSON", "false"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(need(args, ++i, "--port"));
                case "--host" -> host = need(args, ++i, "--host");
                case "--timeout-ms" -> timeoutMillis = Integer.parseInt(need(args, ++i, "--timeout-ms"));
                case "--event-json" -> eventJson = true;
                default -> {
                    System.err.println("api serve: unknown option '" + args[i] + "' (usage: api serve [--port P] [--host H] [--timeout-ms T] [--event-json])");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        QuarkusStreamHandler handler = new QuarkusStreamHandler(); // starts Quarkus, as the Lambda runtime's init does
        LambdaHttpHandler http = eventJson ? null : httpHandler();
        HttpServer server = listen(host, port, handler, http, timeoutMillis);
        System.err.printf("api: local HTTP mode on http://%s:%d (Lambda handler, %s, %d ms per request), started in %d ms%n",
                host, server.getAddress().getPort(), eventJson ? "event JSON" : "event objects", timeoutMillis, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The bridge for a Quarkus application already running in this JVM (the browser tests: the console reaches the API
     * through the same bridge as in {@code ./edgeledger up}), on {@code port} (0: any free port).
     */
    public static HttpServer bridge(String host, int port, int timeoutMillis) throws IOException {
        return listen(host, port, null, httpHandler(), timeoutMillis);
    }

    private static HttpServer listen(String host, int port, QuarkusStreamHandler handler, LambdaHttpHandler http, int timeoutMillis)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        server.createContext("/", exchange -> serve(handler, http, exchange, timeoutMillis));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private static void serve(QuarkusStreamHandler handler, LambdaHttpHandler http, HttpExchange exchange, int timeoutMillis)
            throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String source = exchange.getRemoteAddress().getAddress().getHostAddress();
            ApiGatewayEvents.Response response;
            if (http != null) {
                response = ApiGatewayEvents.response(http.handleRequest(
                        ApiGatewayEvents.event(method, path, query, exchange.getRequestHeaders(), body, source),
                        new LocalLambdaContext(timeoutMillis)));
            } else {
                byte[] event = ApiGatewayEvents.request(method, path, query, exchange.getRequestHeaders(), body, source);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext(timeoutMillis));
                response = ApiGatewayEvents.response(out.toByteArray());
            }
            response.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                    exchange.getResponseHeaders().add(name, value);
                }
            });
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                exchange.getResponseBody().write(response.body());
            }
        } catch (RuntimeException e) {
            // the function itself maps its errors; this is the bridge failing, which must still answer
            byte[] error = ("{\"code\":\"local_bridge_error\",\"message\":\"" + e.getClass().getSimpleName() + "\"}").getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(502, error.length);
            exchange.getResponseBody().write(error);
        }
    }

    /** The handler bean the Lambda runtime calls for every HTTP event (a plain instance if it is not a bean). */
    private static LambdaHttpHandler httpHandler() {
        var bean = Arc.container().instance(LambdaHttpHandler.class);
        return bean.isAvailable() ? bean.get() : new LambdaHttpHandler();
    }

    private static String need(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("api serve: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
