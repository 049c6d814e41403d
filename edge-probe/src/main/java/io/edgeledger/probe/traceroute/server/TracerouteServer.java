package io.edgeledger.probe.traceroute.server;

import io.edgeledger.wire.JsonStrings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeledger.probe.traceroute.TracerouteEngine;
import io.edgeledger.probe.traceroute.TracerouteException;
import io.edgeledger.probe.traceroute.TracerouteParams;
import io.edgeledger.probe.traceroute.net.MissingPrivilegeException;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.wire.QueryString;
import io.edgeledger.wire.TracerouteSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * HTTP front of the engine (DESIGN 2.2): GET /traceroute runs a trace and answers the result JSON,
 * GET /health answers {"status":"ok","traces_running":N,"slots":M}. At most {@code maxConcurrent} traces run at once; more are
 * refused with 429 rather than queued. Every error is a {"code","message"} body.
 */
public final class TracerouteServer implements AutoCloseable {
    private final HttpServer http;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final int maxSlots;

    private TracerouteServer(HttpServer http, int maxConcurrent) {
        this.http = http;
        this.slots = new Semaphore(maxConcurrent);
        this.maxSlots = maxConcurrent;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::route);
    }

    public static TracerouteServer start(InetSocketAddress addr, int maxConcurrent) throws IOException {
        TracerouteServer s = new TracerouteServer(HttpServer.create(addr, 64), maxConcurrent);
        s.http.start();
        return s;
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    private void route(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.equals("/traceroute") && !path.equals("/health")) {
                error(ex, 404, "not_found", "no such endpoint: " + path + " (use GET /traceroute or GET /health)");
                return;
            }
            if (!ex.getRequestMethod().equals("GET")) {
                ex.getResponseHeaders().add("Allow", "GET");
                error(ex, 405, "method_not_allowed", ex.getRequestMethod() + " is not allowed: use GET");
                return;
            }
            if (path.equals("/health")) {
                // traces_running lets a caller (or a test) see saturation instead of racing for it
                send(ex, 200, "{\"status\":\"ok\",\"traces_running\":" + (maxSlots - slots.availablePermits())
                        + ",\"slots\":" + maxSlots + "}");
                return;
            }
            traceroute(ex);
        } catch (RuntimeException e) {
            error(ex, 500, "internal_error", String.valueOf(e.getMessage()));
        }
    }

    private void traceroute(HttpExchange ex) throws IOException {
        TracerouteParams params;
        boolean table;
        try {
            Map<String, String> query = QueryString.parse(ex.getRequestURI().getRawQuery());
            table = wantsTable(query.remove("format"));
            params = TracerouteParams.of(TracerouteSpec.fromQuery(query));
        } catch (IllegalArgumentException e) {
            error(ex, 400, "bad_request", e.getMessage());
            return;
        }
        if (!slots.tryAcquire()) {
            error(ex, 429, "too_many_requests", "all " + slotsTotal() + " traceroute slots are busy; retry later");
            return;
        }
        try {
            TracerouteResult r = TracerouteEngine.run(params);
            if (table) {
                send(ex, 200, "text/plain; charset=utf-8", r.toTable());
            } else {
                send(ex, 200, r.toJson());
            }
        } catch (TracerouteException.Resolution e) {
            error(ex, 400, "resolution_failed", e.getMessage());
        } catch (MissingPrivilegeException e) {
            error(ex, 500, "missing_privilege", e.getMessage());
        } catch (TracerouteException e) {
            error(ex, 500, "traceroute_failed", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 500, "interrupted", "the server is shutting down");
        } finally {
            slots.release();
        }
    }

    /** Our addition to DESIGN 2.2: format=table answers the CLI's readable hop table as text/plain. */
    private static boolean wantsTable(String format) {
        return switch (format == null ? "json" : format) {
            case "json" -> false;
            case "table", "text" -> true;
            default -> throw new IllegalArgumentException("'format' must be json or table, got '" + format + "'");
        };
    }

    private int slotsTotal() {
        return maxSlots;
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, "{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        return JsonStrings.quote(String.valueOf(s), JsonStrings.Escapes.GO);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json", body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
