package io.edgeledger.api.ingest;

import static io.edgeledger.api.ingest.SchemaErrors.array;
import static io.edgeledger.api.ingest.SchemaErrors.integer;
import static io.edgeledger.api.ingest.SchemaErrors.invalid;
import static io.edgeledger.api.ingest.SchemaErrors.object;
import static io.edgeledger.api.ingest.SchemaErrors.oneOf;
import static io.edgeledger.api.ingest.SchemaErrors.tags;
import static io.edgeledger.api.ingest.SchemaErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.wire.IngestKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shapes of the four ingest bodies (io.edgeledger.wire records, DESIGN.md 2.1/2.3/2.4). Validation is explicit
 * rather than by data binding so every 400 names the field and what it should be. Unknown fields are allowed, as the
 * wire mapper allows them, so newer probes can add fields without breaking older servers.
 */
final class PayloadSchemas {
    static final int MAX_ITEMS = 10_000;
    private static final Set<String> METRIC_TYPES = Set.of("gauge", "count", "rate");
    private static final Set<String> CHECK_STATUSES = Set.of("ok", "warning", "error", "timeout", "skipped");
    private static final Set<String> EVENT_TYPES = Set.of("session_start", "session_end", "user_message",
            "assistant_message", "tool_call", "tool_result", "file_read", "file_write", "command_execute", "error",
            "token_usage");
    private static final Set<String> AGENTS = Set.of("claude-code", "github-copilot", "cursor", "codex", "gemini-cli");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{64}");

    private PayloadSchemas() {}

    /** Validates the common envelope and the kind's body; returns the number of items the batch carries. */
    static int validate(IngestKind kind, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("the body", "must be a JSON object");
        }
        String batchId = text(body, "batch_id", "batch_id", true);
        if (!SchemaErrors.BATCH_ID.matcher(batchId).matches()) {
            throw invalid("batch_id", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        text(body, "probe_id", "probe_id", false);
        return switch (kind) {
            case TRACEROUTE -> traceroute(body);
            case METRICS -> metrics(body);
            case CHECK_RUNS -> checkRuns(body);
            case EVENTS -> events(body);
        };
    }

    private static int traceroute(JsonNode body) {
        text(body, "job_id", "job_id", false);
        integer(body, "timestamp", "timestamp", true);
        tags(body, "tags", "tags");
        String error = text(body, "error", "error", false);
        JsonNode result = body.get("result");
        if (result == null || result.isNull()) {
            if (error == null) {
                throw invalid("result", "is required unless 'error' says why the traceroute failed");
            }
            return 1;
        }
        object(body, "result", "result");
        object(result, "destination", "result.destination");
        text(result.get("destination"), "hostname", "result.destination.hostname", true);
        JsonNode traceroute = object(result, "traceroute", "result.traceroute");
        JsonNode runs = array(traceroute, "runs", "result.traceroute.runs", 100);
        for (int i = 0; i < runs.size(); i++) {
            JsonNode run = runs.get(i);
            String path = "result.traceroute.runs[" + i + "]";
            if (!run.isObject()) {
                throw invalid(path, "must be an object");
            }
            JsonNode hops = array(run, "hops", path + ".hops", 255);
            for (int h = 0; h < hops.size(); h++) {
                JsonNode hop = hops.get(h);
                String hopPath = path + ".hops[" + h + "]";
                if (!hop.isObject()) {
                    throw invalid(hopPath, "must be an object");
                }
                integer(hop, "ttl", hopPath + ".ttl", true);
                JsonNode ip = hop.get("ip_address");
                if (ip != null && !ip.isNull() && !ip.isTextual()) {
                    throw invalid(hopPath + ".ip_address", "must be a string or null");
                }
            }
        }
        return 1;
    }

    private static int metrics(JsonNode body) {
        JsonNode series = array(body, "series", "series", MAX_ITEMS);
        for (int i = 0; i < series.size(); i++) {
            JsonNode s = series.get(i);
            String path = "series[" + i + "]";
            if (!s.isObject()) {
                throw invalid(path, "must be an object");
            }
            text(s, "metric", path + ".metric", true);
            oneOf(s, "type", path + ".type", METRIC_TYPES);
            tags(s, "tags", path + ".tags");
            JsonNode host = s.get("host");
            if (host != null && !host.isNull() && !host.isTextual()) {
                throw invalid(path + ".host", "must be a string or null");
            }
            if (integer(s, "interval", path + ".interval", false) < 0) {
                throw invalid(path + ".interval", "must not be negative");
            }
            JsonNode points = array(s, "points", path + ".points", MAX_ITEMS);
            for (int p = 0; p < points.size(); p++) {
                JsonNode point = points.get(p);
                if (!point.isArray() || point.size() != 2 || !point.get(0).isIntegralNumber() || !point.get(1).isNumber()) {
                    throw invalid(path + ".points[" + p + "]", "must be [unix_seconds, number]");
                }
            }
        }
        return series.size();
    }

    private static int checkRuns(JsonNode body) {
        JsonNode runs = array(body, "runs", "runs", MAX_ITEMS);
        for (int i = 0; i < runs.size(); i++) {
            JsonNode run = runs.get(i);
            String path = "runs[" + i + "]";
            if (!run.isObject()) {
                throw invalid(path, "must be an object");
            }
            text(run, "check", path + ".check", true);
            oneOf(run, "status", path + ".status", CHECK_STATUSES);
            integer(run, "timestamp", path + ".timestamp", true);
            integer(run, "duration_ms", path + ".duration_ms", false);
            tags(run, "tags", path + ".tags");
        }
        return runs.size();
    }

    private static int events(JsonNode body) {
        JsonNode events = array(body, "events", "events", MAX_ITEMS);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String path = "events[" + i + "]";
            if (!event.isObject()) {
                throw invalid(path, "must be an object");
            }
            String id = text(event, "id", path + ".id", true);
            if (!EVENT_ID.matcher(id).matches()) {
                throw invalid(path + ".id", "must be 64 lower-case hex characters (sha256)");
            }
            String timestamp = text(event, "timestamp", path + ".timestamp", true);
            try {
                Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                throw invalid(path + ".timestamp", "must be ISO-8601 UTC like 2026-12-01T22:00:00.000Z");
            }
            oneOf(event, "eventType", path + ".eventType", EVENT_TYPES);
            oneOf(event, "agentId", path + ".agentId", AGENTS);
            String session = text(event, "sessionId", path + ".sessionId", true);
            if (session.length() > 256) {
                throw invalid(path + ".sessionId", "must be at most 256 characters");
            }
            JsonNode data = event.get("data");
            if (data != null && !data.isNull() && !data.isObject()) {
                throw invalid(path + ".data", "must be an object");
            }
        }
        return events.size();
    }


}
