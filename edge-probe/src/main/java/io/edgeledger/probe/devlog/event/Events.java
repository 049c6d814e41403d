package io.edgeledger.probe.devlog.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Builds events and their {@code data} objects in the field order of the fixtures. */
public final class Events {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Rule 6: these types never carry a model. */
    private static final Set<String> NO_MODEL = Set.of(
            EventTypes.SESSION_START, EventTypes.SESSION_END, EventTypes.USER_MESSAGE, EventTypes.TOOL_RESULT, EventTypes.ERROR);

    private Events() {}

    /** Who produced an event: the session-level fields shared by all its events. */
    public record Origin(String agentId, String agentVersion, String sessionId, String projectPath) {}

    public static DevlogEvent make(Origin origin, String model, String timestamp, String eventType, String nativeId, ObjectNode data) {
        return new DevlogEvent(
                EventIds.of(origin.agentId(), origin.sessionId(), nativeId, eventType),
                timestamp, eventType, origin.agentId(), origin.agentVersion(), origin.sessionId(), origin.projectPath(),
                NO_MODEL.contains(eventType) ? null : model, data, null);
    }

    public static ObjectNode empty() {
        return NODES.objectNode();
    }

    public static ObjectNode text(String text) {
        return NODES.objectNode().put("text", Texts.cap(text));
    }

    public static ObjectNode message(String message) {
        return NODES.objectNode().put("message", Texts.cap(message == null ? "" : message));
    }

    public static ObjectNode toolCall(String toolName, String toolCallId, JsonNode input) {
        ObjectNode data = NODES.objectNode();
        data.put("toolName", toolName);
        data.put("toolCallId", toolCallId);
        data.set("input", input == null ? NODES.nullNode() : input);
        return data;
    }

    public static ObjectNode toolResult(String toolCallId, boolean isError, long outputBytes) {
        ObjectNode data = NODES.objectNode();
        data.put("toolCallId", toolCallId);
        data.put("isError", isError);
        data.put("outputBytes", outputBytes);
        return data;
    }

    public static ObjectNode path(String path) {
        return NODES.objectNode().put("path", path);
    }

    public static ObjectNode command(String command) {
        return NODES.objectNode().put("command", command);
    }

    public static ObjectNode tokens(long input, long output, long cacheRead, long cacheWrite) {
        ObjectNode data = NODES.objectNode();
        data.put("inputTokens", input);
        data.put("outputTokens", output);
        data.put("cacheReadTokens", cacheRead);
        data.put("cacheWriteTokens", cacheWrite);
        data.put("totalTokens", input + output + cacheRead + cacheWrite);
        return data;
    }

    public static boolean allZero(long... values) {
        for (long v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
