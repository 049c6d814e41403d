package io.edgeledger.probe.devlog.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventTypes;
import io.edgeledger.probe.devlog.event.Events;
import io.edgeledger.probe.devlog.event.Events.Origin;
import io.edgeledger.probe.devlog.event.Json;
import io.edgeledger.probe.devlog.event.Texts;
import io.edgeledger.probe.devlog.event.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the composer and bubble rows of Cursor's state.vscdb into events. */
final class CursorComposers {
    private final Map<String, String> rows;

    CursorComposers(Map<String, String> rows) {
        this.rows = rows;
    }

    List<DevlogEvent> events() {
        Map<String, String> projects = projects();
        Map<String, Map<String, JsonNode>> bubblesByComposer = new HashMap<>();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            if (row.getKey().startsWith("bubbleId:")) {
                String[] parts = row.getKey().split(":", 3);
                JsonNode bubble = Json.parseOrNull(row.getValue());
                if (parts.length == 3 && bubble != null && bubble.isObject()) {
                    bubblesByComposer.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], bubble);
                }
            }
        }
        List<DevlogEvent> events = new ArrayList<>();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            if (!row.getKey().startsWith("composerData:")) {
                continue;
            }
            String composerId = row.getKey().substring("composerData:".length());
            JsonNode composer = Json.parseOrNull(row.getValue());
            Map<String, JsonNode> bubbles = bubblesByComposer.get(composerId);
            if (composer == null || !composer.isObject() || bubbles == null || bubbles.isEmpty()) {
                continue; // NULL/corrupt value, or a draft without bubbles
            }
            composer(composerId, composer, bubbles, projects.get(composerId), events);
        }
        return events;
    }

    private static void composer(String composerId, JsonNode composer, Map<String, JsonNode> bubbles, String project, List<DevlogEvent> events) {
        Origin origin = new Origin(CursorSource.AGENT_ID, null, composerId, project);
        JsonNode created = composer.get("createdAt");
        if (created != null && created.isNumber()) {
            events.add(Events.make(origin, null, Timestamps.ofEpochMillis(created.asLong()), EventTypes.SESSION_START, composerId, Events.empty()));
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (JsonNode header : composer.path("fullConversationHeadersOnly")) {
            String id = Json.text(header, "bubbleId");
            if (id != null && bubbles.containsKey(id)) {
                ordered.add(id);
            }
        }
        List<Map.Entry<String, JsonNode>> rest = new ArrayList<>();
        for (Map.Entry<String, JsonNode> b : bubbles.entrySet()) {
            if (!ordered.contains(b.getKey())) {
                rest.add(b);
            }
        }
        rest.sort(Comparator.comparing(e -> String.valueOf(Json.text(e.getValue(), "createdAt"))));
        rest.forEach(e -> ordered.add(e.getKey()));
        for (String bubbleId : ordered) {
            bubble(bubbleId, bubbles.get(bubbleId), origin, events);
        }
    }

    private static void bubble(String bubbleId, JsonNode b, Origin origin, List<DevlogEvent> events) {
        String ts = Timestamps.normalize(Json.text(b, "createdAt"));
        if (ts == null) {
            return;
        }
        long type = Json.number(b, "type");
        String text = Json.text(b, "text");
        if (type == 1) {
            if (!Texts.isBlank(text)) {
                events.add(Events.make(origin, null, ts, EventTypes.USER_MESSAGE, bubbleId, Events.text(text)));
            }
            return;
        }
        if (type != 2) {
            return;
        }
        long capability = Json.number(b, "capabilityType");
        if (capability == 30 || capability == 22) {
            return; // thinking block, /summarize marker
        }
        String model = Json.text(b.path("modelInfo"), "modelName");
        if (!Texts.isBlank(text)) {
            events.add(Events.make(origin, model, ts, EventTypes.ASSISTANT_MESSAGE, bubbleId, Events.text(text)));
        }
        JsonNode tool = b.get("toolFormerData");
        if (tool != null && tool.isObject()) {
            tool(tool, origin, model, ts, events);
        }
        JsonNode tokens = b.get("tokenCount");
        long input = Json.number(tokens, "inputTokens");
        long output = Json.number(tokens, "outputTokens");
        if (!Events.allZero(input, output)) {
            events.add(Events.make(origin, model, ts, EventTypes.TOKEN_USAGE, bubbleId, Events.tokens(input, output, 0, 0)));
        }
    }

    private static void tool(JsonNode tool, Origin origin, String model, String ts, List<DevlogEvent> events) {
        String callId = Json.text(tool, "toolCallId");
        if (callId == null) {
            return;
        }
        String name = Json.text(tool, "name");
        JsonNode params = Json.parseOrNull(Json.text(tool, "params"));
        if (params == null) {
            params = Events.empty();
        }
        events.add(Events.make(origin, model, ts, EventTypes.TOOL_CALL, callId, Events.toolCall(name, callId, params)));
        if (name != null) {
            switch (name) {
                case "read_file_v2", "read_file" -> path(origin, model, ts, EventTypes.FILE_READ, callId, firstText(params, "targetFile", "target_file", "path"), events);
                case "edit_file_v2", "edit_file", "delete_file" ->
                        path(origin, model, ts, EventTypes.FILE_WRITE, callId, firstText(params, "relativeWorkspacePath", "target_file", "targetFile", "path"), events);
                case "run_terminal_command_v2", "run_terminal_cmd" -> {
                    String command = Json.text(params, "command");
                    if (command != null) {
                        events.add(Events.make(origin, model, ts, EventTypes.COMMAND_EXECUTE, callId, Events.command(command)));
                    }
                }
                default -> { }
            }
        }
        String status = Json.text(tool, "status");
        if ("completed".equals(status) || "error".equals(status)) {
            String raw = Json.text(tool, "result");
            JsonNode result = Json.parseOrNull(raw);
            String output = raw == null ? "" : raw;
            if (result != null && result.has("output")) {
                JsonNode o = result.get("output");
                output = o.isTextual() ? o.textValue() : o.toString();
            }
            JsonNode exit = result == null ? null : result.get("exitCode");
            boolean isError = "error".equals(status) || (exit != null && exit.isNumber() && exit.asLong() != 0);
            events.add(Events.make(origin, null, ts, EventTypes.TOOL_RESULT, callId, Events.toolResult(callId, isError, Texts.utf8Length(output))));
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = Json.text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static void path(Origin origin, String model, String ts, String type, String nativeId, String path, List<DevlogEvent> events) {
        if (path != null) {
            events.add(Events.make(origin, model, ts, type, nativeId, Events.path(path)));
        }
    }

    /** composerId → workspace folder, from ItemTable's composer.composerHeaders. */
    private Map<String, String> projects() {
        Map<String, String> projects = new HashMap<>();
        JsonNode headers = Json.parseOrNull(rows.get("composer.composerHeaders"));
        if (headers == null) {
            return projects;
        }
        for (JsonNode h : headers.path("allComposers")) {
            String id = Json.text(h, "composerId");
            String path = Json.text(h.path("workspaceIdentifier").path("uri"), "fsPath");
            if (id != null && path != null) {
                projects.put(id, path);
            }
        }
        return projects;
    }
}
