package io.edgeledger.api.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * {@code ./edgeledger api serve [--port P] [--host H]}: the API as a local HTTP server. Each request becomes an API
 * Gateway HTTP API v2 event handed to the very entry point AWS Lambda calls ({@link QuarkusStreamHandler}), so the
 * local stack runs the deployed code path. Unlike one Lambda instance, requests run concurrently (virtual threads),
 * as many Lambda instances would, so a job long-poll does not hold up other calls.
 */
public final class LocalHttpMode {
    private LocalHttpMode() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("EDGELEDGER_API_PORT", "8080"));
        String host = System.getenv().getOrDefault("EDGELEDGER_API_HOST", "127.0.0.1");
        int timeoutMillis = Integer.parseInt(System.getenv().getOrDefault("EDGELEDGER_API_TIMEOUT_MS", "29000"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(need(args, ++i, "--port"));
                case "--host" -> host = need(args, ++i, "--host");
                case "--timeout-ms" -> timeoutMillis = Integer.parseInt(need(args, ++i, "--timeout-ms"));
                default -> {
                    System.err.println("api serve: unknown option '" + args[i] + "' (usage: api serve [--port P] [--host H] [--timeout-ms T])");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        int timeout = timeoutMillis;
        server.createContext("/", exchange -> serve(handler, exchange, timeout));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.err.printf("api: local HTTP mode on http://%s:%d (Lambda entry point, %d ms per request), started in %d ms%n",
                host, server.getAddress().getPort(), timeoutMillis, (System.nanoTime() - started) / 1_000_000);
    }

    private static void serve(QuarkusStreamHandler handler, HttpExchange exchange, int timeoutMillis) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] event = ApiGatewayEvents.request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext(timeoutMillis));
            ApiGatewayEvents.Response response = ApiGatewayEvents.response(out.toByteArray());
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

    private static String need(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("api serve: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
