package io.edgeledger.probe.devlog.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.EventTypes;
import io.edgeledger.probe.devlog.event.Events.Origin;
import io.edgeledger.probe.devlog.event.Events;
import io.edgeledger.probe.devlog.event.Json;
import io.edgeledger.probe.devlog.event.Timestamps;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.LineParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cursor agent transcript: no ids, no timestamps except the {@code <timestamp>} tag in user text
 * (minute precision, local time with its UTC offset); lines before the first tag get the file's mtime.
 */
final class CursorTranscriptParser implements LineParser {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "<timestamp>\\s*\\w+,\\s*(\\w{3})\\w*\\s+(\\d{1,2}),\\s*(\\d{4}),\\s*(\\d{1,2}):(\\d{2})\\s*(AM|PM)\\s*\\(UTC(?:([+-])(\\d{1,2})(?::(\\d{2}))?)?\\)\\s*</timestamp>");
    private static final Pattern USER_QUERY = Pattern.compile("<user_query>(.*?)</user_query>", Pattern.DOTALL);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    private final Origin origin;
    private final boolean subagent;
    private final Path file;
    private String timestamp;
    private boolean started;

    CursorTranscriptParser(String sessionId, boolean subagent, Path file) {
        this.origin = new Origin(CursorSource.AGENT_ID, null, sessionId, null);
        this.subagent = subagent;
        this.file = file;
    }

    @Override
    public void line(long lineNo, ObjectNode line, Emitter out) {
        String native_ = Long.toString(lineNo);
        if ("turn_ended".equals(Json.text(line, "type"))) {
            if ("error".equals(Json.text(line, "status"))) {
                JsonNode error = line.get("error");
                String message = error == null ? "" : error.isTextual() ? error.textValue()
                        : Json.text(error, "message") != null ? Json.text(error, "message") : error.toString();
                out.emit(Events.make(origin, null, now(), EventTypes.ERROR, native_, Events.message(message)));
            }
            return;
        }
        String role = Json.text(line, "role");
        JsonNode content = line.path("message").path("content");
        if ("user".equals(role)) {
            String text = joinedText(content);
            Matcher tag = TIMESTAMP.matcher(text);
            String tagged = null;
            while (tag.find()) {
                tagged = parseTag(tag);
            }
            if (tagged != null) {
                timestamp = tagged;
            }
            if (subagent) {
                return;
            }
            String ts = now();
            if (!started) {
                started = true;
                out.emit(Events.make(origin, null, ts, EventTypes.SESSION_START, origin.sessionId(), Events.empty()));
            }
            Matcher q = USER_QUERY.matcher(text);
            String query = q.find() ? q.group(1).trim() : TIMESTAMP.matcher(text).replaceAll("").trim();
            if (!query.isEmpty()) {
                out.emit(Events.make(origin, null, ts, EventTypes.USER_MESSAGE, native_, Events.text(query)));
            }
        } else if ("assistant".equals(role)) {
            assistant(content, native_, out);
        }
    }

    private void assistant(JsonNode content, String native_, Emitter out) {
        String ts = now();
        String text = joinedText(content).replace("[REDACTED]", "").trim();
        if (!text.isEmpty()) {
            out.emit(Events.make(origin, null, ts, EventTypes.ASSISTANT_MESSAGE, native_, Events.text(text)));
        }
        int index = 0;
        for (JsonNode block : content) {
            if ("tool_use".equals(Json.text(block, "type"))) {
                String id = native_ + ":" + index;
                String name = Json.text(block, "name");
                JsonNode input = block.get("input");
                out.emit(Events.make(origin, null, ts, EventTypes.TOOL_CALL, id, Events.toolCall(name, null, input)));
                if (name != null) {
                    switch (name) {
                        case "Read" -> derived(EventTypes.FILE_READ, id, Json.text(input, "path"), ts, out);
                        case "Write", "StrReplace", "Delete", "EditNotebook" -> derived(EventTypes.FILE_WRITE, id, Json.text(input, "path"), ts, out);
                        case "Shell" -> {
                            String command = Json.text(input, "command");
                            if (command != null) {
                                out.emit(Events.make(origin, null, ts, EventTypes.COMMAND_EXECUTE, id, Events.command(command)));
                            }
                        }
                        default -> { }
                    }
                }
            }
            index++;
        }
    }

    private void derived(String type, String id, String path, String ts, Emitter out) {
        if (path != null) {
            out.emit(Events.make(origin, null, ts, type, id, Events.path(path)));
        }
    }

    /** The latest tag's time, else the file's modification time. */
    private String now() {
        if (timestamp != null) {
            return timestamp;
        }
        try {
            return Timestamps.format(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Timestamps.format(Instant.now());
        }
    }

    private static String parseTag(Matcher m) {
        try {
            int month = MONTH.parse(m.group(1)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
            int hour = Integer.parseInt(m.group(4)) % 12 + (m.group(6).equals("PM") ? 12 : 0);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)), hour, Integer.parseInt(m.group(5)));
            int offsetMinutes = 0;
            if (m.group(7) != null) {
                offsetMinutes = Integer.parseInt(m.group(8)) * 60 + (m.group(9) == null ? 0 : Integer.parseInt(m.group(9)));
                if (m.group(7).equals("-")) {
                    offsetMinutes = -offsetMinutes;
                }
            }
            return Timestamps.format(local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String joinedText(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode block : content) {
            String t = Json.text(block, "text");
            if (t != null && "text".equals(Json.text(block, "type"))) {
                if (any) {
                    text.append('\n');
                }
                text.append(t);
                any = true;
            }
        }
        return text.toString();
    }
}
