package io.edgeledger.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.errors.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** Small checks shared by the payload schemas; each failure names the JSON path so the sender can find it. */
final class SchemaErrors {
    static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private SchemaErrors() {}

    static ApiException invalid(String path, String expectation) {
        return ApiException.badRequest("invalid_payload", path + " " + expectation);
    }

    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(path, "must be an object");
        }
        return value;
    }

    static JsonNode array(JsonNode parent, String field, String path, int max) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(path, "must be an array");
        }
        if (value.size() > max) {
            throw invalid(path, "has " + value.size() + " entries; at most " + max + " per batch");
        }
        return value;
    }

    static String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(path, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw invalid(path, "must be a non-empty string");
        }
        return value.asText();
    }

    static String oneOf(JsonNode parent, String field, String path, Set<String> allowed) {
        String value = text(parent, field, path, true);
        if (!allowed.contains(value)) {
            throw invalid(path, "must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    static long integer(JsonNode parent, String field, String path, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(path, "is required");
            }
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(path, "must be an integer");
        }
        return value.asLong();
    }

    static void tags(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw invalid(path, "must be an array of strings");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw invalid(path + "[" + i + "]", "must be a string like 'env:prod'");
            }
        }
    }
}
