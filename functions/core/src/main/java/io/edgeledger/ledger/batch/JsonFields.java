package io.edgeledger.ledger.batch;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Typed reads from our own stored JSON objects; a wrong shape is a {@link BatchFormatException} naming the member. */
final class JsonFields {
    private final JsonObject o;
    private final String where;

    JsonFields(JsonObject o, String where) {
        this.o = o;
        this.where = where;
    }

    static JsonFields parse(byte[] bytes, String where) {
        try {
            if (StrictJsonParser.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof JsonObject obj) {
                return new JsonFields(obj, where);
            }
            throw new BatchFormatException(where + " is not a JSON object");
        } catch (JsonSyntaxException e) {
            throw new BatchFormatException(where + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    JsonObject object() {
        return o;
    }

    String string(String name) {
        JsonValue v = o.get(name);
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw new BatchFormatException(where + ": '" + name + "' must be a string");
    }

    String optString(String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.value() : null;
    }

    long number(String name) {
        Long v = optNumber(name);
        if (v == null) {
            throw new BatchFormatException(where + ": '" + name + "' must be an integer");
        }
        return v;
    }

    Long optNumber(String name) {
        JsonValue v = o.get(name);
        if (v == null || v instanceof JsonNull) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegerToken()) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                throw new BatchFormatException(where + ": '" + name + "' is out of range");
            }
        }
        throw new BatchFormatException(where + ": '" + name + "' must be an integer");
    }

    JsonFields child(String name) {
        if (o.get(name) instanceof JsonObject c) {
            return new JsonFields(c, where + "." + name);
        }
        throw new BatchFormatException(where + ": '" + name + "' must be an object");
    }

    List<JsonValue> array(String name) {
        if (o.get(name) instanceof JsonArray a) {
            return a.items();
        }
        throw new BatchFormatException(where + ": '" + name + "' must be an array");
    }
}
