package io.edgeledger.probe.devlog.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventTypes;
import io.edgeledger.probe.devlog.event.Events.Origin;
import io.edgeledger.probe.devlog.event.Events;
import io.edgeledger.probe.devlog.event.Json;
import io.edgeledger.probe.devlog.event.Texts;
import io.edgeledger.probe.devlog.event.Timestamps;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.LineParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Claude Code session (or sub-agent) file. An API response is split over several lines sharing
 * {@code message.id}; its token_usage is re-emitted (same id, upsert) as later lines finalize it.
 */
final class ClaudeParser implements LineParser {
    private static final int TRACKED_MESSAGES = 256;

    private final boolean sidechainFile;
    private String cwd;
    private String version;
    private boolean sessionStarted;
    /** Largest usage seen per message.id; split lines are adjacent, so a small LRU bounds memory on huge files. */
    private final Map<String, Usage> usageByMessage = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Usage> eldest) {
            return size() > TRACKED_MESSAGES;
        }
    };

    /** Never read: the structured copy of tool output (the tool_result block has it), snapshots, todo lists. */
    private static final java.util.Set<String> SKIPPED = java.util.Set.of("toolUseResult", "snapshot", "todos", "thinkingMetadata", "message.container");

    @Override
    public java.util.Set<String> skippedFields() {
        return SKIPPED;
    }

    ClaudeParser(boolean sidechainFile) {
        this.sidechainFile = sidechainFile;
    }

    @Override
    public void line(long lineNo, ObjectNode line, Emitter out) {
        String lineCwd = Json.text(line, "cwd");
        if (lineCwd != null) {
            cwd = lineCwd;
        }
        String lineVersion = Json.text(line, "version");
        if (lineVersion != null) {
            version = lineVersion;
        }
        String type = Json.text(line, "type");
        if (type == null || !(type.equals("user") || type.equals("assistant") || type.equals("system"))) {
            return;
        }
        String sessionId = Json.text(line, "sessionId");
        String timestamp = Timestamps.normalize(Json.text(line, "timestamp"));
        if (sessionId == null || timestamp == null) {
            return;
        }
        boolean sidechain = sidechainFile || Json.isTrue(line, "isSidechain");
        Origin origin = new Origin(ClaudeSource.AGENT_ID, version, sessionId, cwd);
        if (!sidechain && !sessionStarted) {
            sessionStarted = true;
            out.emit(Events.make(origin, null, timestamp, EventTypes.SESSION_START, sessionId, Events.empty()));
        }
        switch (type) {
            case "user" -> user(line, sidechain, origin, timestamp, out);
            case "assistant" -> assistant(line, origin, timestamp, out);
            default -> system(line, origin, timestamp, out);
        }
    }

    private void user(ObjectNode line, boolean sidechain, Origin origin, String timestamp, Emitter out) {
        JsonNode content = line.path("message").path("content");
        String uuid = Json.text(line, "uuid");
        if (!sidechain && !Json.isTrue(line, "isMeta") && !Json.isTrue(line, "isCompactSummary") && uuid != null) {
            String text = ClaudeContent.userText(content);
            if (!Texts.isBlank(text) && !text.startsWith("<local-command-stdout>") && !text.startsWith("<local-command-stderr>")) {
                out.emit(Events.make(origin, null, timestamp, EventTypes.USER_MESSAGE, uuid, Events.text(text)));
            }
        }
        if (content.isArray()) {
            for (JsonNode block : content) {
                if ("tool_result".equals(Json.text(block, "type"))) {
                    String toolUseId = Json.text(block, "tool_use_id");
                    if (toolUseId == null) {
                        continue;
                    }
                    long bytes = Texts.utf8Length(ClaudeContent.resultText(block.get("content")));
                    out.emit(Events.make(origin, null, timestamp, EventTypes.TOOL_RESULT, toolUseId,
                            Events.toolResult(toolUseId, Json.isTrue(block, "is_error"), bytes)));
                }
            }
        }
    }

    private void assistant(ObjectNode line, Origin origin, String timestamp, Emitter out) {
        JsonNode message = line.path("message");
        String model = Json.text(message, "model");
        String uuid = Json.text(line, "uuid");
        JsonNode content = message.path("content");
        if (Json.isTrue(line, "isApiErrorMessage")) {
            if (uuid != null) {
                out.emit(Events.make(origin, model, timestamp, EventTypes.ERROR, uuid, Events.message(ClaudeContent.joinedText(content))));
            }
            return;
        }
        if ("<synthetic>".equals(model)) {
            return;
        }
        String text = ClaudeContent.joinedText(content);
        if (!Texts.isBlank(text) && uuid != null) {
            out.emit(Events.make(origin, model, timestamp, EventTypes.ASSISTANT_MESSAGE, uuid, Events.text(text)));
        }
        if (content.isArray()) {
            for (JsonNode block : content) {
                if ("tool_use".equals(Json.text(block, "type"))) {
                    toolUse(block, origin, model, timestamp, out);
                }
            }
        }
        usage(message, origin, model, timestamp, out);
    }

    private static void toolUse(JsonNode block, Origin origin, String model, String timestamp, Emitter out) {
        String id = Json.text(block, "id");
        String name = Json.text(block, "name");
        if (id == null) {
            return;
        }
        JsonNode input = block.get("input");
        out.emit(Events.make(origin, model, timestamp, EventTypes.TOOL_CALL, id, Events.toolCall(name, id, input)));
        if (name == null) {
            return;
        }
        switch (name) {
            case "Read" -> derived(origin, model, timestamp, EventTypes.FILE_READ, id, Json.text(input, "file_path"), out);
            case "Write", "Edit", "MultiEdit" -> derived(origin, model, timestamp, EventTypes.FILE_WRITE, id, Json.text(input, "file_path"), out);
            case "NotebookEdit" -> derived(origin, model, timestamp, EventTypes.FILE_WRITE, id, Json.text(input, "notebook_path"), out);
            case "Bash" -> {
                String command = Json.text(input, "command");
                if (command != null) {
                    out.emit(Events.make(origin, model, timestamp, EventTypes.COMMAND_EXECUTE, id, Events.command(command)));
                }
            }
            default -> { }
        }
    }

    private static void derived(Origin origin, String model, String timestamp, String type, String id, String path, Emitter out) {
        if (path != null) {
            out.emit(Events.make(origin, model, timestamp, type, id, Events.path(path)));
        }
    }

    private void usage(JsonNode message, Origin origin, String model, String timestamp, Emitter out) {
        String messageId = Json.text(message, "id");
        JsonNode usage = message.get("usage");
        if (messageId == null || usage == null || !usage.isObject()) {
            return;
        }
        long[] seen = {Json.number(usage, "input_tokens"), Json.number(usage, "output_tokens"),
                Json.number(usage, "cache_read_input_tokens"), Json.number(usage, "cache_creation_input_tokens")};
        Usage u = usageByMessage.get(messageId);
        if (u == null) {
            u = new Usage();
            usageByMessage.put(messageId, u);
        }
        if (u.best == null || seen[1] >= u.best[1]) {
            u.best = seen;
        }
        if (Events.allZero(u.best)) {
            return;
        }
        DevlogEvent event = Events.make(origin, model, timestamp, EventTypes.TOKEN_USAGE, messageId,
                Events.tokens(u.best[0], u.best[1], u.best[2], u.best[3]));
        if (!event.sameContent(u.emitted)) {
            u.emitted = event; // re-emitted (same id, upsert) only when a later line changes it
            out.emit(event);
        }
    }

    /** Largest usage seen for one message.id and the token_usage last emitted for it. */
    private static final class Usage {
        long[] best;
        DevlogEvent emitted;
    }

    private static void system(ObjectNode line, Origin origin, String timestamp, Emitter out) {
        String uuid = Json.text(line, "uuid");
        if (uuid == null || !("api_error".equals(Json.text(line, "subtype")) || "error".equals(Json.text(line, "level")))) {
            return;
        }
        JsonNode error = line.get("error");
        String message = null;
        if (error != null && error.isObject()) {
            message = Json.text(error, "message");
            if (message == null) {
                message = Json.text(error, "formatted");
            }
        } else if (error != null && error.isTextual()) {
            message = error.textValue();
        }
        if (message == null) {
            message = Json.text(line, "content");
        }
        out.emit(Events.make(origin, null, timestamp, EventTypes.ERROR, uuid, Events.message(message)));
    }
}
