package io.edgeledger.probe.devlog.codex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.edgeledger.probe.devlog.event.EventJson;
import java.io.IOException;

/**
 * A tool output in the {@code {"output": "...", "metadata": {"exit_code": n}}} envelope, read by
 * streaming (outputs can be large; building a tree for them doubled the parse cost).
 */
record ExecOutput(String output, Integer exitCode) {
    /** The envelope's output and exit code; null when the text is not such an object. */
    static ExecOutput parse(String text) {
        try (JsonParser p = EventJson.MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String output = null;
            Integer exitCode = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("output")) {
                    output = value == JsonToken.VALUE_STRING ? p.getText() : EventJson.MAPPER.readTree(p).toString();
                } else if (name.equals("metadata") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("exit_code") && v == JsonToken.VALUE_NUMBER_INT) {
                            exitCode = p.getIntValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || output == null) {
                return null;
            }
            return new ExecOutput(output, exitCode);
        } catch (IOException e) {
            return null;
        }
    }
}
