package io.edgeledger.wire;

/**
 * A wire value that breaks its contract, naming the field in the sender's vocabulary ({@code series[0].type},
 * {@code max-ttl}); an empty field means the value as a whole. The API answers it as a 4xx, the probe as a job error.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(field.isEmpty() ? reason : field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return reason;
    }

    /** The same problem under another name, e.g. a YAML key where the record says {@code max-ttl}. */
    public InvalidFieldException renamed(String name) {
        return new InvalidFieldException(name, reason);
    }

    /** The same problem inside {@code parent} (a path like {@code events[3]}). */
    public InvalidFieldException within(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        return new InvalidFieldException(field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field,
                reason);
    }
}
