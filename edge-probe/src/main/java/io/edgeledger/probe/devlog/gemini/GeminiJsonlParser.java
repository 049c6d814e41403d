package io.edgeledger.probe.devlog.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.LineParser;
import io.edgeledger.probe.devlog.source.SnapshotDiff;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Current Gemini chat file: metadata line, message records re-appended whenever they change,
 * {@code $set} updates and {@code $rewindTo}. The conversation is rebuilt and events come from it.
 */
final class GeminiJsonlParser implements LineParser {
    private final GeminiSession session;
    private final ObjectNode metadata = EventJson.MAPPER.createObjectNode();
    private final Map<String, JsonNode> messages = new LinkedHashMap<>();
    private final SnapshotDiff diff = new SnapshotDiff();
    private boolean changed;

    GeminiJsonlParser(GeminiSession session) {
        this.session = session;
    }

    @Override
    public void line(long lineNo, ObjectNode line, Emitter out) {
        changed = true;
        if (line.has("$set")) {
            JsonNode set = line.get("$set");
            set.properties().forEach(e -> {
                if (e.getKey().equals("messages")) {
                    messages.clear();
                    e.getValue().forEach(this::upsert);
                } else {
                    metadata.set(e.getKey(), e.getValue());
                }
            });
        } else if (line.has("$rewindTo")) {
            String target = line.get("$rewindTo").asText();
            boolean dropping = false;
            for (Iterator<String> it = messages.keySet().iterator(); it.hasNext(); ) {
                if (it.next().equals(target)) {
                    dropping = true;
                }
                if (dropping) {
                    it.remove();
                }
            }
        } else if (line.hasNonNull("id") && line.hasNonNull("type")) {
            upsert(line);
        } else {
            metadata.setAll(line);
        }
    }

    private void upsert(JsonNode message) {
        JsonNode id = message.get("id");
        if (id != null && id.isTextual()) {
            messages.put(id.textValue(), message); // LinkedHashMap keeps the first position
        }
    }

    @Override
    public void flush(Emitter out) {
        if (!changed) {
            return;
        }
        changed = false;
        List<JsonNode> list = new ArrayList<>(messages.values());
        diff.emitChanged(session.events(metadata, EventJson.MAPPER.valueToTree(list)), out);
    }
}
