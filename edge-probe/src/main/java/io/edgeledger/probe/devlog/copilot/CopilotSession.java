package io.edgeledger.probe.devlog.copilot;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventTypes;
import io.edgeledger.probe.devlog.event.Events;
import io.edgeledger.probe.devlog.event.Events.Origin;
import io.edgeledger.probe.devlog.event.Json;
import io.edgeledger.probe.devlog.event.Texts;
import io.edgeledger.probe.devlog.event.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a Copilot chat session state (ISerializableChatData v3) into events. */
final class CopilotSession {
    private final String fileStem;
    private final String projectPath;

    CopilotSession(String fileStem, String projectPath) {
        this.fileStem = fileStem;
        this.projectPath = projectPath;
    }

    List<DevlogEvent> events(JsonNode state) {
        List<DevlogEvent> events = new ArrayList<>();
        String sessionId = Json.text(state, "sessionId");
        sessionId = sessionId != null ? sessionId : fileStem;
        JsonNode requests = state.path("requests");
        String firstVersion = null;
        for (JsonNode r : requests) {
            firstVersion = Json.text(r.path("agent"), "extensionVersion");
            if (firstVersion != null) {
                break;
            }
        }
        JsonNode created = state.get("creationDate");
        if (created != null && created.isNumber()) {
            Origin origin = new Origin(CopilotSource.AGENT_ID, firstVersion, sessionId, projectPath);
            events.add(Events.make(origin, null, Timestamps.ofEpochMillis(created.asLong()), EventTypes.SESSION_START, sessionId, Events.empty()));
        }
        for (JsonNode r : requests) {
            request(r, sessionId, events);
        }
        return events;
    }

    private void request(JsonNode r, String sessionId, List<DevlogEvent> events) {
        String requestId = Json.text(r, "requestId");
        JsonNode requestTs = r.get("timestamp");
        if (requestId == null || requestTs == null || !requestTs.isNumber()) {
            return;
        }
        Origin origin = new Origin(CopilotSource.AGENT_ID, Json.text(r.path("agent"), "extensionVersion"), sessionId, projectPath);
        String text = Json.text(r.path("message"), "text");
        if (!Texts.isBlank(text)) {
            events.add(Events.make(origin, null, Timestamps.ofEpochMillis(requestTs.asLong()), EventTypes.USER_MESSAGE, requestId, Events.text(text)));
        }
        JsonNode result = r.path("result");
        JsonNode metadata = result.path("metadata");
        String model = Json.text(metadata, "resolvedModel");
        model = model != null ? model : Json.text(r, "modelId");
        String t = Timestamps.ofEpochMillis(responseTime(r, requestTs.asLong(), result));

        StringBuilder markdown = new StringBuilder();
        for (JsonNode part : r.path("response")) {
            String kind = Json.text(part, "kind");
            if (kind == null || kind.equals("markdownContent")) {
                String v = Json.text(part, "value");
                if (v == null) {
                    v = Json.text(part.path("content"), "value");
                }
                if (v != null) {
                    markdown.append(v);
                }
            } else if (kind.equals("toolInvocationSerialized")) {
                tool(part, metadata, origin, model, t, events);
            }
        }
        if (!Texts.isBlank(markdown.toString())) {
            events.add(Events.make(origin, model, t, EventTypes.ASSISTANT_MESSAGE, requestId, Events.text(markdown.toString())));
        }
        long prompt = Json.number(metadata, "promptTokens");
        long output = Json.number(metadata, "outputTokens");
        if (!Events.allZero(prompt, output)) {
            events.add(Events.make(origin, model, t, EventTypes.TOKEN_USAGE, requestId, Events.tokens(prompt, output, 0, 0)));
        }
        String error = Json.text(result.path("errorDetails"), "message");
        if (error != null) {
            events.add(Events.make(origin, null, t, EventTypes.ERROR, requestId, Events.message(error)));
        }
    }

    /** Response-side time: completedAt, else request time + totalElapsed, else the request time. */
    private static long responseTime(JsonNode r, long requestTs, JsonNode result) {
        JsonNode completed = r.path("modelState").get("completedAt");
        if (completed != null && completed.isNumber()) {
            return completed.asLong();
        }
        JsonNode elapsed = result.path("timings").get("totalElapsed");
        if (elapsed != null && elapsed.isNumber()) {
            return requestTs + elapsed.asLong();
        }
        return requestTs;
    }

    private static void tool(JsonNode part, JsonNode metadata, Origin origin, String model, String t, List<DevlogEvent> events) {
        String callId = Json.text(part, "toolCallId");
        String toolId = Json.text(part, "toolId");
        if (callId == null) {
            return;
        }
        JsonNode input = arguments(metadata, callId);
        events.add(Events.make(origin, model, t, EventTypes.TOOL_CALL, callId, Events.toolCall(toolId, callId, input)));
        if (toolId != null) {
            switch (toolId) {
                case "copilot_readFile" -> path(origin, model, t, EventTypes.FILE_READ, callId, Json.text(input, "filePath"), events);
                case "copilot_createFile", "copilot_replaceString", "copilot_insertEdit" ->
                        path(origin, model, t, EventTypes.FILE_WRITE, callId, Json.text(input, "filePath"), events);
                case "copilot_applyPatch" -> {
                    String patch = Json.text(input, "input");
                    if (patch == null) {
                        path(origin, model, t, EventTypes.FILE_WRITE, callId, Json.text(input, "filePath"), events);
                    } else {
                        for (String p : patchPaths(patch)) {
                            path(origin, model, t, EventTypes.FILE_WRITE, callId + ":" + p, p, events);
                        }
                    }
                }
                case "copilot_multiReplaceString" -> {
                    Set<String> paths = new LinkedHashSet<>();
                    for (JsonNode rep : input.path("replacements")) {
                        String p = Json.text(rep, "filePath");
                        if (p != null) {
                            paths.add(p);
                        }
                    }
                    for (String p : paths) {
                        path(origin, model, t, EventTypes.FILE_WRITE, callId + ":" + p, p, events);
                    }
                }
                case "run_in_terminal" -> {
                    String command = Json.text(part.path("toolSpecificData").path("commandLine"), "original");
                    command = command != null ? command : Json.text(input, "command");
                    if (command != null) {
                        events.add(Events.make(origin, model, t, EventTypes.COMMAND_EXECUTE, callId, Events.command(command)));
                    }
                }
                default -> { }
            }
        }
        if (Json.isTrue(part, "isComplete")) {
            StringBuilder output = new StringBuilder();
            for (JsonNode c : metadata.path("toolCallResults").path(callId).path("content")) {
                String v = Json.text(c, "value");
                if (v != null) {
                    output.append(v);
                }
            }
            JsonNode exit = part.path("toolSpecificData").path("terminalCommandState").get("exitCode");
            boolean isError = Json.isTrue(part.path("resultDetails"), "isError") || (exit != null && exit.isNumber() && exit.asLong() != 0);
            events.add(Events.make(origin, null, t, EventTypes.TOOL_RESULT, callId, Events.toolResult(callId, isError, Texts.utf8Length(output.toString()))));
        }
    }

    /** The parsed arguments of the call with this id in {@code toolCallRounds}, else {}. */
    private static JsonNode arguments(JsonNode metadata, String callId) {
        for (JsonNode round : metadata.path("toolCallRounds")) {
            for (JsonNode call : round.path("toolCalls")) {
                if (callId.equals(Json.text(call, "id"))) {
                    JsonNode parsed = Json.parseOrNull(Json.text(call, "arguments"));
                    if (parsed != null) {
                        return parsed;
                    }
                }
            }
        }
        return Events.empty();
    }

    private static void path(Origin origin, String model, String t, String type, String nativeId, String path, List<DevlogEvent> events) {
        if (path != null) {
            events.add(Events.make(origin, model, t, type, nativeId, Events.path(path)));
        }
    }

    private static List<String> patchPaths(String patch) {
        Set<String> paths = new LinkedHashSet<>();
        for (String line : patch.split("\n")) {
            for (String marker : new String[] {"*** Add File:", "*** Update File:", "*** Delete File:", "*** Move to:"}) {
                if (line.startsWith(marker) && !line.substring(marker.length()).isBlank()) {
                    paths.add(line.substring(marker.length()).trim());
                }
            }
        }
        return new ArrayList<>(paths);
    }
}
