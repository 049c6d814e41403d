package io.edgeledger.json;

/** The text is not strict RFC 8259 JSON; the message names what is wrong and where. */
public final class JsonSyntaxException extends RuntimeException {
    private final int offset;

    public JsonSyntaxException(String message, int offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
