package io.edgeledger.debezium;

/** Why a Debezium record cannot be attested; {@link #code()} is the leaf-v2 error code. */
public enum DebeziumError {
    /** The Redis entry is neither extended (one key and one value field) nor compact (one field). */
    ENTRY_FORMAT("entry_format"),
    /** Key/value text (or a Json column) is not strict RFC 8259 JSON. */
    INVALID_JSON("invalid_json"),
    /** Not a Debezium envelope: not an object, op not a string, source.db/table missing. */
    BAD_ENVELOPE("bad_envelope"),
    /** op is not one of c, u, d, r, t (e.g. m messages). */
    UNSUPPORTED_OP("unsupported_op"),
    /** A value does not match its Connect schema. */
    SCHEMA_MISMATCH("schema_mismatch"),
    /** A bytes / Decimal value is not canonical padded standard base64. */
    BAD_BASE64("bad_base64");

    private final String code;

    DebeziumError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
