package io.edgeledger.api.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The format of a grouped archive object: newline-delimited JSON, one line per {@link ArchiveRecord}:
 * {@code {"kind","probe_id","batch_id","session_id"?,"payload"}}. The payload is the validated batch, re-written as
 * compact JSON (so it holds no newline); NDJSON also suits Athena / S3 Select should anyone query the bucket directly.
 */
public final class ArchiveLines {
    /** One line read back. */
    public record Line(String kind, String probeId, String batchId, String sessionId, JsonNode payload) {}

    private ArchiveLines() {}

    /** A line as written; the payload is serialized straight from its record, with no tree in between. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kind", "probe_id", "batch_id", "session_id", "payload"})
    private record Written(@JsonProperty("kind") String kind, @JsonProperty("probe_id") String probeId,
            @JsonProperty("batch_id") String batchId, @JsonProperty("session_id") String sessionId,
            @JsonProperty("payload") Object payload) {}

    public static byte[] encode(ObjectMapper json, ArchiveRecord record) {
        Written line = new Written(record.kind(), record.probeId(), record.batchId(), record.sessionId(), record.payload());
        try {
            byte[] text = json.writeValueAsBytes(line);
            byte[] withNewline = java.util.Arrays.copyOf(text, text.length + 1);
            withNewline[text.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new IllegalStateException("a parsed payload could not be written back as JSON", e);
        }
    }

    public static List<Line> decode(ObjectMapper json, byte[] object) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<JsonNode> values = json.readerFor(JsonNode.class).readValues(object)) {
            while (values.hasNextValue()) {
                JsonNode line = values.nextValue();
                lines.add(new Line(line.path("kind").asText(null), line.path("probe_id").asText(null),
                        line.path("batch_id").asText(null), line.path("session_id").asText(null), line.get("payload")));
            }
        }
        return lines;
    }
}
