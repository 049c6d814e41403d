package io.edgeledger.probe.devlog.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventTypes;
import io.edgeledger.probe.devlog.event.Events;
import io.edgeledger.probe.devlog.event.Events.Origin;
import io.edgeledger.probe.devlog.event.Json;
import io.edgeledger.probe.devlog.event.Texts;
import io.edgeledger.probe.devlog.event.Timestamps;
import java.util.ArrayList;
import java.util.List;

/** Turns a (reconstructed) Gemini conversation record into events. */
final class GeminiSession {
    /** Set for sub-agent files in {@code chats/<parentSessionId>/}: their events belong to the parent session. */
    private final String parentSessionId;
    private final String projectPath;

    GeminiSession(String parentSessionId, String projectPath) {
        this.parentSessionId = parentSessionId;
        this.projectPath = projectPath;
    }

    List<DevlogEvent> events(ObjectNode conversation, JsonNode messages) {
        List<DevlogEvent> events = new ArrayList<>();
        String sessionId = parentSessionId != null ? parentSessionId : Json.text(conversation, "sessionId");
        if (sessionId == null) {
            return events;
        }
        boolean subagent = parentSessionId != null || "subagent".equals(Json.text(conversation, "kind"));
        Origin origin = new Origin(GeminiSource.AGENT_ID, null, sessionId, projectPath);
        String start = Timestamps.normalize(Json.text(conversation, "startTime"));
        if (!subagent && start != null) {
            events.add(Events.make(origin, null, start, EventTypes.SESSION_START, sessionId, Events.empty()));
        }
        if (messages == null || !messages.isArray()) {
            return events;
        }
        for (JsonNode m : messages) {
            message(m, subagent, origin, events);
        }
        return events;
    }

    private static void message(JsonNode m, boolean subagent, Origin origin, List<DevlogEvent> events) {
        String id = Json.text(m, "id");
        String type = Json.text(m, "type");
        String ts = Timestamps.normalize(Json.text(m, "timestamp"));
        if (id == null || type == null || ts == null) {
            return;
        }
        String model = Json.text(m, "model");
        String text = text(m.get("content"));
        switch (type) {
            case "user" -> {
                if (!subagent && !Texts.isBlank(text)) {
                    events.add(Events.make(origin, null, ts, EventTypes.USER_MESSAGE, id, Events.text(text)));
                }
            }
            case "gemini" -> {
                if (!Texts.isBlank(text)) {
                    events.add(Events.make(origin, model, ts, EventTypes.ASSISTANT_MESSAGE, id, Events.text(text)));
                }
            }
            case "error" -> events.add(Events.make(origin, null, ts, EventTypes.ERROR, id, Events.message(text)));
            default -> { }
        }
        JsonNode calls = m.get("toolCalls");
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                toolCall(call, origin, model, ts, events);
            }
        }
        JsonNode tokens = m.get("tokens");
        if (tokens != null && tokens.isObject()) {
            long input = Json.number(tokens, "input") - Json.number(tokens, "cached") + Json.number(tokens, "tool");
            long cached = Json.number(tokens, "cached");
            long output = Json.number(tokens, "output") + Json.number(tokens, "thoughts");
            if (!Events.allZero(input, cached, output)) {
                events.add(Events.make(origin, model, ts, EventTypes.TOKEN_USAGE, id, Events.tokens(input, output, cached, 0)));
            }
        }
    }

    private static void toolCall(JsonNode call, Origin origin, String model, String messageTs, List<DevlogEvent> events) {
        String id = Json.text(call, "id");
        if (id == null) {
            return;
        }
        String ts = Timestamps.normalize(Json.text(call, "timestamp"));
        ts = ts != null ? ts : messageTs;
        String name = Json.text(call, "name");
        JsonNode args = call.get("args");
        events.add(Events.make(origin, model, ts, EventTypes.TOOL_CALL, id, Events.toolCall(name, id, args)));
        if (name != null) {
            switch (name) {
                case "read_file" -> {
                    String path = Json.text(args, "file_path");
                    path = path != null ? path : Json.text(args, "absolute_path");
                    if (path != null) {
                        events.add(Events.make(origin, model, ts, EventTypes.FILE_READ, id, Events.path(path)));
                    }
                }
                case "write_file", "replace" -> {
                    String path = Json.text(args, "file_path");
                    if (path != null) {
                        events.add(Events.make(origin, model, ts, EventTypes.FILE_WRITE, id, Events.path(path)));
                    }
                }
                case "run_shell_command" -> {
                    String command = Json.text(args, "command");
                    if (command != null) {
                        events.add(Events.make(origin, model, ts, EventTypes.COMMAND_EXECUTE, id, Events.command(command)));
                    }
                }
                default -> { }
            }
        }
        String status = Json.text(call, "status");
        if ("success".equals(status) || "error".equals(status) || "cancelled".equals(status)) {
            StringBuilder output = new StringBuilder();
            JsonNode result = call.get("result");
            if (result != null && result.isArray()) {
                for (JsonNode part : result) {
                    JsonNode response = part.path("functionResponse").path("response");
                    String o = Json.text(response, "output");
                    if (o != null) {
                        output.append(o);
                    }
                    String e = Json.text(response, "error");
                    if (e != null) {
                        output.append(e);
                    }
                }
            }
            events.add(Events.make(origin, null, ts, EventTypes.TOOL_RESULT, id,
                    Events.toolResult(id, !"success".equals(status), Texts.utf8Length(output.toString()))));
        }
    }

    /** String content, or the text parts joined by newlines; functionResponse parts are not text. */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        boolean any = false;
        if (content.isArray()) {
            for (JsonNode part : content) {
                String t = Json.text(part, "text");
                if (t != null) {
                    if (any) {
                        text.append('\n');
                    }
                    text.append(t);
                    any = true;
                }
            }
        }
        return text.toString();
    }
}
