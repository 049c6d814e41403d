package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One normalized event of an AI coding assistant's session (DESIGN.md 2.4), as the devlog collector sends it: fields in
 * the design's order, {@code data} (which differs by event type) carried as its JSON text, {@code machine} (the probe's
 * host) only when known. {@code id} is stable, so the server de-duplicates per event too.
 */
public record SessionEvent(
        @JsonProperty("id") String id,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("eventType") String eventType,
        @JsonProperty("agentId") String agentId,
        @JsonProperty("agentVersion") String agentVersion,
        @JsonProperty("sessionId") String sessionId,
        @JsonProperty("projectPath") String projectPath,
        @JsonProperty("model") String model,
        @JsonProperty("data") RawJson data,
        @JsonProperty("machine") @JsonInclude(JsonInclude.Include.NON_NULL) String machine) {
    public static final Set<String> EVENT_TYPES = Set.of("session_start", "session_end", "user_message",
            "assistant_message", "tool_call", "tool_result", "file_read", "file_write", "command_execute", "error",
            "token_usage");
    public static final Set<String> AGENTS = Set.of("claude-code", "github-copilot", "cursor", "codex", "gemini-cli");
    public static final int MAX_SESSION_ID = 256;
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{64}");

    public SessionEvent {
        if (!EVENT_ID.matcher(Fields.required("id", id)).matches()) {
            throw new InvalidFieldException("id", "must be 64 lower-case hex characters (sha256)");
        }
        try {
            Instant.parse(Fields.required("timestamp", timestamp));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("timestamp", "must be ISO-8601 UTC like 2026-12-01T22:00:00.000Z");
        }
        Fields.oneOf("eventType", eventType, EVENT_TYPES);
        Fields.oneOf("agentId", agentId, AGENTS);
        if (Fields.required("sessionId", sessionId).length() > MAX_SESSION_ID) {
            throw new InvalidFieldException("sessionId", "must be at most " + MAX_SESSION_ID + " characters");
        }
        if (data != null && !data.isObject()) {
            throw new InvalidFieldException("data", "must be an object");
        }
    }

    /** The event's time (checked ISO-8601 when the event was made). */
    public Instant instant() {
        return Instant.parse(timestamp);
    }
}
