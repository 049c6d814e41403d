package io.edgeledger.probe.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A Datadog intake for tests, as strict as the public API documents it: {@code DD-API-KEY} checked (403 otherwise),
 * gzip/deflate/zstd1 bodies decompressed, the 512,000-byte compressed and 5,242,880-byte decompressed limits enforced (413),
 * the v2 series schema validated (400 with the reason, also kept in {@link #schemaErrors}). It can be switched down.
 */
public final class FakeDatadogIntake implements AutoCloseable {
    /** One accepted point: the series it belongs to, flattened. */
    public record Point(String metric, int type, String host, List<String> tags, long interval, long timestamp,
            double value) {}

    private final HttpServer server;
    private volatile String apiKey;
    public volatile boolean down;
    public final ConcurrentLinkedQueue<Point> points = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<JsonNode> checkRuns = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<JsonNode> events = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<String> schemaErrors = new ConcurrentLinkedQueue<>();
    public final AtomicInteger forbidden = new AtomicInteger();
    public final AtomicInteger refusedWhileDown = new AtomicInteger();
    public final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    /** "path encoding" of every accepted request. */
    public final java.util.Set<String> encodings = ConcurrentHashMap.newKeySet();

    public FakeDatadogIntake(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (down) {
                refusedWhileDown.incrementAndGet();
                reply(ex, 503, "{\"errors\":[\"Service Unavailable\"]}");
                return;
            }
            if (!apiKey.equals(ex.getRequestHeaders().getFirst("DD-API-KEY"))) {
                forbidden.incrementAndGet();
                reply(ex, 403, "{\"errors\":[\"Forbidden\"]}");
                return;
            }
            if (raw.length > DatadogPayloads.MAX_COMPRESSED) {
                reply(ex, 413, "{\"errors\":[\"Payload too large\"]}");
                return;
            }
            byte[] body = decompress(ex.getRequestHeaders().getFirst("Content-Encoding"), raw);
            if (body.length >= DatadogPayloads.MAX_DECOMPRESSED) {
                reply(ex, 413, "{\"errors\":[\"Payload too large\"]}");
                return;
            }
            JsonNode json = ProbeJson.mapper().readTree(body);
            String error = switch (path) {
                case DatadogPayloads.SERIES_PATH -> series(json);
                case DatadogPayloads.CHECK_RUN_PATH -> checkRun(json);
                case DatadogPayloads.EVENTS_PATH -> event(json);
                default -> "unknown path " + path;
            };
            if (error != null) {
                schemaErrors.add(path + ": " + error);
                reply(ex, 400, "{\"errors\":[\"" + error.replace('"', '\'') + "\"]}");
                return;
            }
            encodings.add(path + " " + ex.getRequestHeaders().getFirst("Content-Encoding"));
            reply(ex, 202, "{\"errors\":[]}");
        }
    }

    private static byte[] decompress(String encoding, byte[] raw) throws IOException {
        if (encoding == null) {
            return raw;
        }
        try (InputStream in = switch (encoding) {
            case "gzip" -> new GZIPInputStream(new java.io.ByteArrayInputStream(raw));
            case "deflate" -> new InflaterInputStream(new java.io.ByteArrayInputStream(raw));
            case "zstd1" -> new io.airlift.compress.zstd.ZstdInputStream(new java.io.ByteArrayInputStream(raw));
            default -> throw new IOException("unsupported Content-Encoding " + encoding);
        }) {
            return in.readNBytes(DatadogPayloads.MAX_DECOMPRESSED + 1);
        }
    }

    /** The v2 schema: every series valid before any is kept, as the intake accepts or refuses a payload whole. */
    private String series(JsonNode json) {
        JsonNode series = json.path("series");
        if (!series.isArray() || series.isEmpty()) {
            return "series must be a non-empty array";
        }
        List<Point> accepted = new java.util.ArrayList<>();
        for (JsonNode s : series) {
            if (!s.path("metric").isTextual() || s.path("metric").asText().isEmpty()) {
                return "series[].metric is required";
            }
            if (!s.path("type").isInt() || s.path("type").asInt() < 0 || s.path("type").asInt() > 3) {
                return "series[].type must be 0 unspecified, 1 count, 2 rate or 3 gauge";
            }
            int type = s.path("type").asInt();
            if ((type == 1 || type == 2) && !(s.path("interval").canConvertToLong() && s.path("interval").asLong() > 0)) {
                return "series[].interval is required for counts and rates";
            }
            String host = null;
            for (JsonNode r : s.path("resources")) {
                if ("host".equals(r.path("type").asText()) && r.path("name").isTextual()) {
                    host = r.path("name").asText();
                }
            }
            if (host == null) {
                return "series[].resources must name the host";
            }
            if (!s.path("tags").isArray()) {
                return "series[].tags must be an array";
            }
            List<String> tags = new java.util.ArrayList<>();
            for (JsonNode t : s.path("tags")) {
                if (!t.isTextual()) {
                    return "series[].tags must be strings";
                }
                tags.add(t.asText());
            }
            if (!s.path("points").isArray() || s.path("points").isEmpty()) {
                return "series[].points must be a non-empty array";
            }
            for (JsonNode p : s.path("points")) {
                if (!p.path("timestamp").canConvertToLong() || !p.path("value").isNumber()) {
                    return "series[].points[] must be {timestamp: int64, value: double}";
                }
                accepted.add(new Point(s.path("metric").asText(), type, host, List.copyOf(tags),
                        s.path("interval").asLong(), p.path("timestamp").asLong(), p.path("value").asDouble()));
            }
        }
        points.addAll(accepted);
        return null;
    }

    private String checkRun(JsonNode json) {
        if (!json.isArray()) {
            return "check_run body must be an array";
        }
        for (JsonNode c : json) {
            if (!c.path("check").isTextual() || !c.path("host_name").isTextual() || !c.path("status").isInt()
                    || c.path("status").asInt() < 0 || c.path("status").asInt() > 3) {
                return "check_run needs check, host_name and status 0..3";
            }
        }
        json.forEach(checkRuns::add);
        return null;
    }

    private String event(JsonNode json) {
        if (!json.path("title").isTextual() || !json.path("text").isTextual()
                || json.path("title").asText().length() > DatadogPayloads.MAX_EVENT_TITLE) {
            return "event needs a title (at most 100 characters) and a text";
        }
        events.add(json);
        return null;
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
    }

    public int requestsTo(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
