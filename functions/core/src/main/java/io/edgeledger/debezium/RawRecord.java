package io.edgeledger.debezium;

/** A record's key and value JSON text as the transport delivered them; null means a null key / value. */
public record RawRecord(String keyText, String valueText) {
    public boolean isTombstone() {
        return valueText == null;
    }
}
