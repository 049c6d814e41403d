package io.edgeledger.probe.devlog.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** JSON form of events, fields in the order of DESIGN.md 2.4 ({@code machine} only when known). */
public final class EventJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {}

    public static ObjectNode toTree(DevlogEvent e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", e.id());
        node.put("timestamp", e.timestamp());
        node.put("eventType", e.eventType());
        node.put("agentId", e.agentId());
        node.put("agentVersion", e.agentVersion());
        node.put("sessionId", e.sessionId());
        node.put("projectPath", e.projectPath());
        node.put("model", e.model());
        node.set("data", e.data());
        if (e.machine() != null) {
            node.put("machine", e.machine());
        }
        return node;
    }

    public static String toLine(DevlogEvent e) {
        try {
            return MAPPER.writeValueAsString(toTree(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event not serializable: " + e.id(), ex);
        }
    }

    public static ArrayNode toArray(Collection<DevlogEvent> events) {
        ArrayNode array = MAPPER.createArrayNode();
        events.forEach(e -> array.add(toTree(e)));
        return array;
    }

    public static DevlogEvent fromTree(JsonNode node) {
        return new DevlogEvent(
                node.path("id").asText(), node.path("timestamp").asText(), node.path("eventType").asText(),
                node.path("agentId").asText(), textOrNull(node, "agentVersion"), textOrNull(node, "sessionId"),
                textOrNull(node, "projectPath"), textOrNull(node, "model"), (ObjectNode) node.path("data"),
                textOrNull(node, "machine"));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
