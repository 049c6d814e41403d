package io.edgeledger.probe.datadog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.probe.forwarder.Gzip;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.probe.json.ProbeJson;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * EdgeLedger's series, service checks and events in the bodies Datadog's public API documents:
 * <ul>
 * <li>{@code POST /api/v2/series}: {@code {"series":[{metric, type (0 unspecified, 1 count, 2 rate, 3 gauge),
 * points:[{timestamp, value}], resources:[{name: host, type: "host"}], tags, interval}]}}; at most 512,000 bytes
 * compressed and 5,242,880 bytes decompressed per request: larger batches are split (halved until they fit).
 * Compressed with gzip, or zstd ({@code Content-Encoding: zstd1}, the documented value) when configured.</li>
 * <li>{@code POST /api/v1/check_run}: an array of {@code {check, host_name, status, timestamp, message, tags}},
 * split by the same limits.</li>
 * <li>{@code POST /api/v1/events}: one event per request, title cut at 100 and text at 4,000 characters (the
 * documented maxima).</li>
 * </ul>
 */
public final class DatadogPayloads {
    public static final String SERIES_PATH = "/api/v2/series";
    public static final String CHECK_RUN_PATH = "/api/v1/check_run";
    public static final String EVENTS_PATH = "/api/v1/events";
    public static final int MAX_COMPRESSED = 512_000;
    public static final int MAX_DECOMPRESSED = 5_242_880;
    public static final int MAX_EVENT_TITLE = 100;
    public static final int MAX_EVENT_TEXT = 4000;

    public static final String GZIP = "gzip";
    public static final String ZSTD = "zstd1";

    private static final ObjectMapper JSON = ProbeJson.mapper();

    private final String seriesEncoding;

    public DatadogPayloads(boolean zstdSeries) {
        this.seriesEncoding = zstdSeries ? ZSTD : GZIP;
    }

    /** Items that cannot fit one request even alone (never expected: a series is ~100 bytes). */
    private final java.util.concurrent.atomic.AtomicLong oversized = new java.util.concurrent.atomic.AtomicLong();

    public List<DatadogRequest> series(List<MetricSeries> series) {
        List<byte[]> items = new ArrayList<>(series.size());
        for (MetricSeries s : series) {
            items.add(bytes(seriesNode(s)));
        }
        return split(SERIES_PATH, seriesEncoding, "{\"series\":[", "]}", items);
    }

    public List<DatadogRequest> serviceChecks(List<ServiceCheck> checks) {
        List<byte[]> items = new ArrayList<>(checks.size());
        for (ServiceCheck c : checks) {
            ObjectNode n = JSON.createObjectNode();
            n.put("check", c.name());
            n.put("host_name", c.host());
            n.put("status", c.status());
            n.put("timestamp", c.timestamp());
            if (!c.message().isEmpty()) {
                n.put("message", c.message());
            }
            c.tags().forEach(n.putArray("tags")::add);
            items.add(bytes(n));
        }
        return split(CHECK_RUN_PATH, GZIP, "[", "]", items);
    }

    public List<DatadogRequest> events(List<Event> events) {
        List<DatadogRequest> out = new ArrayList<>(events.size());
        for (Event e : events) {
            ObjectNode n = JSON.createObjectNode();
            n.put("title", cut(e.title(), MAX_EVENT_TITLE));
            n.put("text", cut(e.text(), MAX_EVENT_TEXT));
            n.put("date_happened", e.timestamp());
            n.put("host", e.host());
            n.put("priority", e.priority());
            n.put("alert_type", e.alertType());
            if (!e.aggregationKey().isEmpty()) {
                n.put("aggregation_key", e.aggregationKey());
            }
            if (!e.sourceType().isEmpty()) {
                n.put("source_type_name", e.sourceType());
            }
            ArrayNode tags = n.putArray("tags");
            e.tags().forEach(tags::add);
            out.add(new DatadogRequest(EVENTS_PATH, GZIP, 1, Gzip.compress(bytes(n))));
        }
        return out;
    }

    public long oversized() {
        return oversized.get();
    }

    static ObjectNode seriesNode(MetricSeries s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("metric", s.metric());
        n.put("type", switch (s.type()) {
            case "count" -> 1;
            case "rate" -> 2;
            case "gauge" -> 3;
            default -> 0;
        });
        ArrayNode points = n.putArray("points");
        for (MetricPoint p : s.points()) {
            points.addObject().put("timestamp", p.timestamp()).put("value", p.value());
        }
        if (s.host() != null && !s.host().isEmpty()) {
            n.putArray("resources").addObject().put("name", s.host()).put("type", "host");
        }
        ArrayNode tags = n.putArray("tags");
        s.tags().forEach(tags::add);
        if (s.interval() > 0) {
            n.put("interval", s.interval());
        }
        return n;
    }

    /** Joins items into bodies under the decompressed limit, then halves any body whose gzip is over the limit. */
    private List<DatadogRequest> split(String path, String encoding, String open, String close, List<byte[]> items) {
        List<DatadogRequest> out = new ArrayList<>();
        int overhead = open.length() + close.length();
        int from = 0;
        long size = overhead;
        for (int i = 0; i < items.size(); i++) {
            int len = items.get(i).length + 1;
            if (len + overhead > MAX_DECOMPRESSED) {
                emit(path, encoding, open, close, items.subList(from, i), out);
                oversized.incrementAndGet();
                from = i + 1;
                size = overhead;
                continue;
            }
            if (size + len > MAX_DECOMPRESSED) {
                emit(path, encoding, open, close, items.subList(from, i), out);
                from = i;
                size = overhead;
            }
            size += len;
        }
        emit(path, encoding, open, close, items.subList(from, items.size()), out);
        return out;
    }

    private void emit(String path, String encoding, String open, String close, List<byte[]> items,
            List<DatadogRequest> out) {
        if (items.isEmpty()) {
            return;
        }
        byte[] raw = join(open, close, items);
        byte[] gz = ZSTD.equals(encoding) ? zstd(raw) : Gzip.compress(raw);
        if (gz.length <= MAX_COMPRESSED) {
            out.add(new DatadogRequest(path, encoding, items.size(), gz));
        } else if (items.size() == 1) {
            oversized.incrementAndGet();
        } else {
            int half = items.size() / 2;
            emit(path, encoding, open, close, items.subList(0, half), out);
            emit(path, encoding, open, close, items.subList(half, items.size()), out);
        }
    }

    private static byte[] join(String open, String close, List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(open.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes(close.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] zstd(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Datadog payload did not serialize", e);
        }
    }
}
