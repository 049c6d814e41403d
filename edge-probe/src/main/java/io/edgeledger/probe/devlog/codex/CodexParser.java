package io.edgeledger.probe.devlog.codex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.EventTypes;
import io.edgeledger.probe.devlog.event.Events.Origin;
import io.edgeledger.probe.devlog.event.Events;
import io.edgeledger.probe.devlog.event.Json;
import io.edgeledger.probe.devlog.event.Texts;
import io.edgeledger.probe.devlog.event.Timestamps;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.LineParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Codex rollout file. Token counts are cumulative per file: each token_count becomes the delta to the previous one. */
final class CodexParser implements LineParser {
    private static final Pattern EXIT_CODE = Pattern.compile("(?m)^(?:Process exited with code|Exit code:)\\s*(-?\\d+)\\s*$");

    /** Never read: encrypted reasoning, the system prompt, rate limits. */
    private static final java.util.Set<String> SKIPPED = java.util.Set.of(
            "payload.encrypted_content", "payload.base_instructions", "payload.instructions", "payload.rate_limits", "payload.summary");

    @Override
    public java.util.Set<String> skippedFields() {
        return SKIPPED;
    }

    private Origin origin;
    private String sessionCwd;
    private String turnCwd;
    private String model;
    /** Previous cumulative totals: input, cached, cache write, output. */
    private long[] previous = new long[4];

    @Override
    public void line(long lineNo, ObjectNode line, Emitter out) {
        String type = Json.text(line, "type");
        JsonNode payload = line.get("payload");
        if (type == null || payload == null || !payload.isObject()) {
            return;
        }
        String lineTs = Timestamps.normalize(Json.text(line, "timestamp"));
        if (type.equals("session_meta")) {
            sessionMeta(payload, lineTs, out);
            return;
        }
        if (origin == null || lineTs == null) {
            return; // lines before session_meta are ignored
        }
        String native_ = Long.toString(lineNo);
        switch (type) {
            case "turn_context" -> {
                String m = Json.text(payload, "model");
                if (m != null) {
                    model = m;
                }
                String cwd = Json.text(payload, "cwd");
                if (cwd != null) {
                    turnCwd = cwd;
                }
            }
            case "response_item" -> responseItem(payload, native_, lineTs, out);
            case "event_msg" -> eventMsg(payload, native_, lineTs, out);
            default -> { }
        }
    }

    private void sessionMeta(JsonNode payload, String lineTs, Emitter out) {
        if (origin != null) {
            return; // a resumed session repeats its meta: one session_start per file
        }
        String sessionId = Json.text(payload, "session_id");
        if (sessionId == null) {
            sessionId = Json.text(payload, "id");
        }
        if (sessionId == null) {
            return;
        }
        sessionCwd = Json.text(payload, "cwd");
        origin = new Origin(CodexSource.AGENT_ID, Json.text(payload, "cli_version"), sessionId, sessionCwd);
        String ts = Timestamps.normalize(Json.text(payload, "timestamp"));
        ts = ts != null ? ts : lineTs;
        if (ts != null) {
            out.emit(Events.make(origin, null, ts, EventTypes.SESSION_START, sessionId, Events.empty()));
        }
    }

    private void responseItem(JsonNode p, String native_, String ts, Emitter out) {
        String itemType = Json.text(p, "type");
        if (itemType == null) {
            return;
        }
        switch (itemType) {
            case "message" -> message(p, native_, ts, out);
            case "function_call" -> {
                String name = Json.text(p, "name");
                String args = Json.text(p, "arguments");
                JsonNode input = Json.parseOrNull(args);
                toolCall(name, Json.text(p, "call_id"), input != null ? input : Events.empty(), args, ts, out);
            }
            case "custom_tool_call" -> {
                String raw = Json.text(p, "input");
                toolCall(Json.text(p, "name"), Json.text(p, "call_id"), raw == null ? null : io.edgeledger.probe.devlog.event.EventJson.MAPPER.getNodeFactory().textNode(raw), raw, ts, out);
            }
            case "local_shell_call" -> {
                JsonNode action = p.get("action");
                toolCall("local_shell", Json.text(p, "call_id") != null ? Json.text(p, "call_id") : Json.text(p, "id"), action, null, ts, out);
            }
            case "function_call_output", "custom_tool_call_output" -> toolOutput(p, ts, out);
            default -> { }
        }
    }

    private void message(JsonNode p, String native_, String ts, Emitter out) {
        String role = Json.text(p, "role");
        JsonNode content = p.path("content");
        if ("user".equals(role)) {
            String first = null;
            StringBuilder text = new StringBuilder();
            for (JsonNode c : content) {
                String t = Json.text(c, "text");
                if (t != null && ("input_text".equals(Json.text(c, "type")) || "text".equals(Json.text(c, "type")))) {
                    if (first == null) {
                        first = t;
                    } else {
                        text.append('\n');
                    }
                    text.append(t);
                }
            }
            if (first == null || first.startsWith("<") || first.startsWith("# AGENTS.md instructions") || Texts.isBlank(text.toString())) {
                return;
            }
            out.emit(Events.make(origin, null, ts, EventTypes.USER_MESSAGE, native_, Events.text(text.toString())));
        } else if ("assistant".equals(role)) {
            StringBuilder text = new StringBuilder();
            boolean any = false;
            for (JsonNode c : content) {
                String t = Json.text(c, "text");
                if (t != null && "output_text".equals(Json.text(c, "type"))) {
                    if (any) {
                        text.append('\n');
                    }
                    text.append(t);
                    any = true;
                }
            }
            if (!Texts.isBlank(text.toString())) {
                out.emit(Events.make(origin, model, ts, EventTypes.ASSISTANT_MESSAGE, native_, Events.text(text.toString())));
            }
        }
    }

    private void toolCall(String name, String callId, JsonNode input, String rawArgs, String ts, Emitter out) {
        if (callId == null) {
            return;
        }
        out.emit(Events.make(origin, model, ts, EventTypes.TOOL_CALL, callId, Events.toolCall(name, callId, input)));
        if (name == null) {
            return;
        }
        String command = switch (name) {
            case "shell", "local_shell", "container.exec" -> argvCommand(input == null ? null : (input.has("command") ? input.get("command") : input));
            case "shell_command" -> Json.text(input, "command");
            case "exec_command" -> Json.text(input, "cmd");
            default -> null;
        };
        if (command != null) {
            out.emit(Events.make(origin, model, ts, EventTypes.COMMAND_EXECUTE, callId, Events.command(command)));
        }
        if (name.equals("apply_patch")) {
            String patch = input != null && input.isTextual() ? input.textValue() : Json.text(input, "input");
            if (patch == null) {
                patch = rawArgs;
            }
            for (String path : ApplyPatch.paths(patch)) {
                String absolute = path.startsWith("/") ? path : joinCwd(path);
                out.emit(Events.make(origin, model, ts, EventTypes.FILE_WRITE, callId + ":" + absolute, Events.path(absolute)));
            }
        }
    }

    private String joinCwd(String relative) {
        String cwd = turnCwd != null ? turnCwd : sessionCwd;
        if (cwd == null) {
            return relative;
        }
        return cwd.endsWith("/") ? cwd + relative : cwd + "/" + relative;
    }

    /** argv → command: argv[2] for {@code sh -c CMD} / {@code bash -lc CMD}, else argv joined by spaces. */
    static String argvCommand(JsonNode argv) {
        if (argv == null || !argv.isArray() || argv.isEmpty()) {
            return argv != null && argv.isTextual() ? argv.textValue() : null;
        }
        if (argv.size() >= 3 && ("-lc".equals(argv.get(1).asText()) || "-c".equals(argv.get(1).asText()))) {
            return argv.get(2).asText();
        }
        StringBuilder s = new StringBuilder();
        for (JsonNode a : argv) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(a.asText());
        }
        return s.toString();
    }

    private void toolOutput(JsonNode p, String ts, Emitter out) {
        String callId = Json.text(p, "call_id");
        if (callId == null) {
            return;
        }
        JsonNode raw = p.get("output");
        String output = raw == null || raw.isNull() ? "" : raw.isTextual() ? raw.textValue() : raw.toString();
        Integer exitCode = null;
        String measured = output;
        ExecOutput exec = output.startsWith("{") ? ExecOutput.parse(output) : null;
        if (exec != null) {
            measured = exec.output();
            exitCode = exec.exitCode();
        } else {
            Matcher m = EXIT_CODE.matcher(output);
            if (m.find()) {
                exitCode = Integer.parseInt(m.group(1));
            }
        }
        boolean isError = exitCode != null && exitCode != 0;
        out.emit(Events.make(origin, null, ts, EventTypes.TOOL_RESULT, callId, Events.toolResult(callId, isError, Texts.utf8Length(measured))));
    }

    private void eventMsg(JsonNode p, String native_, String ts, Emitter out) {
        String kind = Json.text(p, "type");
        if ("token_count".equals(kind)) {
            JsonNode total = p.path("info").get("total_token_usage");
            if (total == null || !total.isObject()) {
                return;
            }
            long[] now = {Json.number(total, "input_tokens"), Json.number(total, "cached_input_tokens"),
                    Json.number(total, "cache_write_input_tokens"), Json.number(total, "output_tokens")};
            long[] delta = new long[4];
            boolean reset = false;
            for (int i = 0; i < 4; i++) {
                delta[i] = now[i] - previous[i];
                reset |= delta[i] < 0;
            }
            if (reset) {
                delta = now.clone(); // counter reset (new process on a resumed file): the totals are the delta
            }
            previous = now;
            if (Events.allZero(delta)) {
                return;
            }
            long input = delta[0] - delta[1] - delta[2];
            out.emit(Events.make(origin, model, ts, EventTypes.TOKEN_USAGE, native_, Events.tokens(input, delta[3], delta[1], delta[2])));
        } else if ("error".equals(kind)) {
            out.emit(Events.make(origin, null, ts, EventTypes.ERROR, native_, Events.message(Json.text(p, "message"))));
        }
    }
}
