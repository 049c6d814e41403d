package io.edgeledger.probe.devlog.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One normalized AI-assistant event (DESIGN.md 2.4). {@code machine} is the host the probe runs on;
 * it is null in replay output (the fixtures' schema has no such field) and set by the live collector.
 */
public record DevlogEvent(
        String id,
        String timestamp,
        String eventType,
        String agentId,
        String agentVersion,
        String sessionId,
        String projectPath,
        String model,
        ObjectNode data,
        String machine) {

    public DevlogEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(data, "data");
    }

    public DevlogEvent withMachine(String host) {
        return new DevlogEvent(id, timestamp, eventType, agentId, agentVersion, sessionId, projectPath, model, data, host);
    }

    /** Same event content (everything but machine): used to suppress re-emitting an unchanged upsert. */
    public boolean sameContent(DevlogEvent other) {
        return other != null && id.equals(other.id) && timestamp.equals(other.timestamp)
                && Objects.equals(agentVersion, other.agentVersion) && Objects.equals(projectPath, other.projectPath)
                && Objects.equals(model, other.model) && data.equals(other.data);
    }
}
