package io.edgeledger.probe.devlog.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.SnapshotParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Legacy Gemini chat file: one JSON conversation record, rewritten on every update. */
final class GeminiJsonParser implements SnapshotParser {
    private final GeminiSession session;

    GeminiJsonParser(GeminiSession session) {
        this.session = session;
    }

    @Override
    public void read(Path file, Emitter out) throws IOException {
        JsonNode record;
        try {
            record = EventJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            out.warn("not a JSON conversation (" + e.getMessage().lines().findFirst().orElse("") + "), no events");
            return;
        }
        if (record instanceof ObjectNode conversation) {
            session.events(conversation, conversation.path("messages")).forEach(out::emit);
        }
    }
}
