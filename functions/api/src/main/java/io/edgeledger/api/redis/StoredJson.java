package io.edgeledger.api.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON documents kept as Redis values: written by us, so a value that does not parse means a corrupted store. */
public final class StoredJson {
    private StoredJson() {}

    public static String write(ObjectMapper json, JsonNode node) {
        try {
            return json.writeValueAsString(node);
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
}
