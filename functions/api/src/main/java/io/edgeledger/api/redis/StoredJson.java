package io.edgeledger.api.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** JSON documents kept as Redis values: written by us, so a value that does not parse means a corrupted store. */
public final class StoredJson {
    private StoredJson() {}

    /** A tree or a record (a wire record is written straight from its fields). */
    public static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code what} names the record in the error, e.g. "check run". */
    public static JsonNode read(ObjectMapper json, String value, String what) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + what + " is not JSON", e);
        }
    }

    /** A tag list kept as one hash field. */
    public static String writeTags(ObjectMapper json, List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tag list field; a missing or unreadable one reads as no tags. */
    public static List<String> readTags(ObjectMapper json, String value) {
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
