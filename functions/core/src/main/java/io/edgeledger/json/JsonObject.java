package io.edgeledger.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object; members keep their input order (writers sort as their scheme demands). */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
        // A Members map was filled by this package and handed over (never touched again): no defensive copy.
        members = Collections.unmodifiableMap(members instanceof Members owned ? owned : new LinkedHashMap<>(members));
    }

    /** Insertion-ordered members built inside this package and given to exactly one JsonObject. */
    static final class Members extends LinkedHashMap<String, JsonValue> {
    }

    public JsonValue get(String name) {
        return members.get(name);
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** The member as a string, or null when it is absent or not a string. */
    public String string(String name) {
        return members.get(name) instanceof JsonString s ? s.value() : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an object member by member, in insertion order. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        public Builder put(String name, JsonValue value) {
            members.put(name, value == null ? JsonNull.INSTANCE : value);
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, value == null ? JsonNull.INSTANCE : new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonValue.of(value));
        }

        public Builder put(String name, Long value) {
            return put(name, value == null ? JsonNull.INSTANCE : JsonValue.of(value));
        }

        public JsonObject build() {
            Members copy = new Members(); // the builder stays usable, so the object gets its own map
            copy.putAll(members);
            return new JsonObject(copy);
        }
    }
}
