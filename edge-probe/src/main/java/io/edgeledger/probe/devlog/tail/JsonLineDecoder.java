package io.edgeledger.probe.devlog.tail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Turns one JSONL line into a JSON object. Invalid UTF-8 is replaced byte by byte with U+FFFD (the
 * line is still used, with a warning); anything that is not exactly one JSON object is skipped with a warning.
 */
public final class JsonLineDecoder {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json writes NaN/Infinity
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(ChunkReader.MAX_LINE_BYTES).build());
    }

    private static final ObjectReader READER = MAPPER.reader();

    /** What a line turned out to be. */
    public enum Problem { NONE, INVALID_UTF8, NOT_AN_OBJECT, BLANK }

    /** The decoded object (null when skipped) and what was wrong with the line, if anything. */
    public record Decoded(ObjectNode object, boolean invalidUtf8, Problem problem) {}

    private JsonLineDecoder() {}

    public static Decoded decode(byte[] buf, int off, int len) {
        if (isBlank(buf, off, len)) {
            return new Decoded(null, false, Problem.BLANK);
        }
        boolean valid = Utf8.isValid(buf, off, len);
        JsonNode node;
        try {
            node = valid ? READER.readTree(buf, off, len) : READER.readTree(new String(buf, off, len, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return new Decoded(null, !valid, Problem.NOT_AN_OBJECT);
        }
        if (node instanceof ObjectNode object) {
            return new Decoded(object, !valid, valid ? Problem.NONE : Problem.INVALID_UTF8);
        }
        return new Decoded(null, !valid, Problem.NOT_AN_OBJECT);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
