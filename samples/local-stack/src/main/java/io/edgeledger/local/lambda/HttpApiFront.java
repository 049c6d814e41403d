package io.edgeledger.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API's $default route in front of a function: each HTTP request is one invocation with the payload 2.0
 * event; a failed invocation is API Gateway's 500 {"message":"Internal Server Error"}.
 */
public final class HttpApiFront implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final LocalFunction function;
    private final String apiId;

    public HttpApiFront(LocalFunction function, String host, int port) throws IOException {
        this.function = function;
        this.apiId = "local" + Integer.toHexString(function.definition().name().hashCode() & 0xfffff);
        server = HttpServer.create(new InetSocketAddress(host, port), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>(ex.getRequestHeaders());
            HttpApiEvents.Request request = new HttpApiEvents.Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), headers, ex.getRequestBody().readAllBytes(),
                    ex.getRemoteAddress().getAddress().getHostAddress(), ex.getRequestHeaders().getFirst("Host"));
            HttpApiEvents.Response response;
            try {
                InvocationResult result = function.invoke(HttpApiEvents.event(request, apiId));
                if (!result.ok()) {
                    System.err.println(function.definition().name() + " " + request.method() + " " + request.rawPath() + ": "
                            + result.errorType() + " " + result.payloadText());
                }
                response = HttpApiEvents.response(result);
            } catch (FunctionStartException | IllegalStateException e) {
                System.err.println(e.getMessage());
                response = HttpApiEvents.json(500, "{\"message\":\"Internal Server Error\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response = HttpApiEvents.json(503, "{\"message\":\"Service Unavailable\"}");
            }
            for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
                if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("transfer-encoding")) {
                    ex.getResponseHeaders().put(h.getKey(), new ArrayList<>(h.getValue()));
                }
            }
            boolean noBody = response.body().length == 0 || ex.getRequestMethod().equals("HEAD")
                    || response.status() == 204 || response.status() == 304;
            ex.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
