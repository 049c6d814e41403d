package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/ingest/events}: normalized devlog events (DESIGN.md 2.4), each carrying its own stable {@code id}
 * so the server can also de-duplicate per event. An event stays a JSON object (its {@code data} differs by type);
 * the fields the backend keys on are checked here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventsPayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("events") List<JsonNode> events) implements IngestPayload {
    public static final Set<String> EVENT_TYPES = Set.of("session_start", "session_end", "user_message",
            "assistant_message", "tool_call", "tool_result", "file_read", "file_write", "command_execute", "error",
            "token_usage");
    public static final Set<String> AGENTS = Set.of("claude-code", "github-copilot", "cursor", "codex", "gemini-cli");
    public static final int MAX_SESSION_ID = 256;
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{64}");

    public EventsPayload {
        Fields.batchId(batchId);
        Fields.optional("probe_id", probeId);
        events = Fields.items("events", events);
        for (int i = 0; i < events.size(); i++) {
            try {
                check(events.get(i));
            } catch (InvalidFieldException e) {
                throw e.within("events[" + i + "]");
            }
        }
    }

    /** The event's time (checked ISO-8601 when the payload was made). */
    public static Instant timestamp(JsonNode event) {
        return Instant.parse(event.get("timestamp").asText());
    }

    public static String sessionId(JsonNode event) {
        return event.get("sessionId").asText();
    }

    private static void check(JsonNode event) {
        if (!event.isObject()) {
            throw new InvalidFieldException("", "must be an object");
        }
        if (!EVENT_ID.matcher(text(event, "id")).matches()) {
            throw new InvalidFieldException("id", "must be 64 lower-case hex characters (sha256)");
        }
        try {
            Instant.parse(text(event, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("timestamp", "must be ISO-8601 UTC like 2026-12-01T22:00:00.000Z");
        }
        Fields.oneOf("eventType", text(event, "eventType"), EVENT_TYPES);
        Fields.oneOf("agentId", text(event, "agentId"), AGENTS);
        if (text(event, "sessionId").length() > MAX_SESSION_ID) {
            throw new InvalidFieldException("sessionId", "must be at most " + MAX_SESSION_ID + " characters");
        }
        JsonNode data = event.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new InvalidFieldException("data", "must be an object");
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidFieldException(field, "must be a non-empty string");
        }
        return value.asText();
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.EVENTS;
    }

    @JsonIgnore
    @Override
    public int items() {
        return events.size();
    }
}
