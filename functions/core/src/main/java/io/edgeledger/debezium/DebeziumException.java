package io.edgeledger.debezium;

/** A record that cannot be read as a Debezium change event; the message says what and where. */
public final class DebeziumException extends RuntimeException {
    private final DebeziumError error;

    public DebeziumException(DebeziumError error, String detail) {
        super(detail);
        this.error = error;
    }

    public DebeziumError error() {
        return error;
    }

    public String code() {
        return error.code();
    }

    public String detail() {
        return getMessage();
    }
}
