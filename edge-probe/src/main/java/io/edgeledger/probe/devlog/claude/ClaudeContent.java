package io.edgeledger.probe.devlog.claude;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.devlog.event.Json;

/** Text extraction from Claude message content (a string or a list of typed blocks). */
final class ClaudeContent {
    private ClaudeContent() {}

    /** User text: the string content, or the text blocks joined by newlines. */
    static String userText(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        return joinedText(content);
    }

    /** Text blocks joined by newlines; empty when there are none. */
    static String joinedText(JsonNode content) {
        if (content == null) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        boolean first = true;
        if (content.isArray()) {
            for (JsonNode block : content) {
                if ("text".equals(Json.text(block, "type"))) {
                    String t = Json.text(block, "text");
                    if (t == null) {
                        continue;
                    }
                    if (!first) {
                        text.append('\n');
                    }
                    text.append(t);
                    first = false;
                }
            }
        }
        return text.toString();
    }

    /** Tool output: string content, or the text of a block list concatenated. */
    static String resultText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode block : content) {
                String t = Json.text(block, "text");
                if (t != null && "text".equals(Json.text(block, "type"))) {
                    text.append(t);
                }
            }
        }
        return text.toString();
    }
}
