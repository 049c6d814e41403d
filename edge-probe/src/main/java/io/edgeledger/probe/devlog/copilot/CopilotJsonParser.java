package io.edgeledger.probe.devlog.copilot;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.SnapshotParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A VS Code < 1.109 chat session: one serialized ISerializableChatData object, rewritten whole. */
final class CopilotJsonParser implements SnapshotParser {
    private final CopilotSession session;

    CopilotJsonParser(CopilotSession session) {
        this.session = session;
    }

    @Override
    public void read(Path file, Emitter out) throws IOException {
        JsonNode state;
        try {
            state = EventJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            out.warn("not a JSON chat session (" + e.getMessage().lines().findFirst().orElse("") + "), no events");
            return;
        }
        if (state != null && state.isObject()) {
            session.events(state).forEach(out::emit);
        }
    }
}
