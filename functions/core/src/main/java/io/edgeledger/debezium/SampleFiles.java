package io.edgeledger.debezium;

import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Debezium sample formats of {@code samples/debezium/}: Redis Stream entries as JSONL
 * ({@code {"stream","label","fields":[[name,value],...]}}, optional {@code "id"}) and Kafka record
 * arrays ({@code *.events.json}: {@code [{label, topic, key, value}]}).
 */
public final class SampleFiles {
    private SampleFiles() {}

    /** One Redis Stream entry; {@code id} is null when the file does not give one. */
    public record StreamEntry(String stream, String id, String label, List<Map.Entry<String, String>> fields) {}

    /** One Kafka record; key/value text null for a null key / value. */
    public record EventRecord(String topic, String label, String keyText, String valueText) {}

    public static List<StreamEntry> readRedisJsonl(Path file) throws IOException {
        List<StreamEntry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + lineNo;
            JsonObject o = object(parse(line, where), where);
            if (!(o.get("fields") instanceof JsonArray pairs)) {
                throw new IllegalArgumentException(where + ": 'fields' must be an array of [name, value] pairs");
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            for (JsonValue p : pairs.items()) {
                if (!(p instanceof JsonArray kv) || kv.items().size() != 2 || !(kv.items().get(0) instanceof JsonString name)
                        || !(kv.items().get(1) instanceof JsonString value)) {
                    throw new IllegalArgumentException(where + ": each field must be a [name, value] pair of strings");
                }
                fields.add(Map.entry(name.value(), value.value()));
            }
            String stream = o.string("stream");
            if (stream == null) {
                throw new IllegalArgumentException(where + ": 'stream' must be a string");
            }
            out.add(new StreamEntry(stream, o.string("id"), o.string("label"), fields));
        }
        return out;
    }

    public static List<EventRecord> readEvents(Path file) throws IOException {
        String where = file.toString();
        if (!(parse(Files.readString(file), where) instanceof JsonArray records)) {
            throw new IllegalArgumentException(where + ": expected a JSON array of {label, topic, key, value}");
        }
        List<EventRecord> out = new ArrayList<>();
        for (JsonValue v : records.items()) {
            JsonObject o = object(v, where);
            String topic = o.string("topic");
            if (topic == null || !o.has("value")) {
                throw new IllegalArgumentException(where + ": each record needs 'topic' and 'value'");
            }
            out.add(new EventRecord(topic, o.string("label"), text(o.get("key")), text(o.get("value"))));
        }
        return out;
    }

    private static String text(JsonValue v) {
        return v == null || v instanceof JsonNull ? null : CompactJsonWriter.write(v);
    }

    private static JsonValue parse(String text, String where) {
        try {
            return StrictJsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage());
        }
    }

    private static JsonObject object(JsonValue v, String where) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException(where + ": expected a JSON object");
    }
}
