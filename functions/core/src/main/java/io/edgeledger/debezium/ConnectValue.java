package io.edgeledger.debezium;

import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonValue;

/**
 * A key or value after the Kafka Connect JSON converter envelope was unwrapped: {@code payload} is
 * the data and {@code schema} its Connect schema, or null when the converter ran with
 * {@code schemas.enable=false}.
 */
public record ConnectValue(JsonValue payload, JsonObject schema) {

    /**
     * {@code {"schema": object|null, "payload": ...}} with exactly those two members is an envelope;
     * any other value is itself the (untyped) payload.
     */
    public static ConnectValue unwrap(JsonValue value) {
        if (value instanceof JsonObject o && o.members().size() == 2 && o.has("schema") && o.has("payload")
                && (o.get("schema") instanceof JsonObject || o.get("schema") instanceof JsonNull)) {
            return new ConnectValue(o.get("payload"), o.get("schema") instanceof JsonObject s ? s : null);
        }
        return new ConnectValue(value, null);
    }

    public boolean isNull() {
        return payload instanceof JsonNull;
    }
}
