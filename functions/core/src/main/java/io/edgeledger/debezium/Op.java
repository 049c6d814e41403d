package io.edgeledger.debezium;

/** Debezium change operations, by their one-letter code. */
public enum Op {
    CREATE("c"), UPDATE("u"), DELETE("d"), READ("r"), TRUNCATE("t");

    private final String code;

    Op(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The op for a code, or null when Debezium has no such data-change op (e.g. "m" messages). */
    public static Op ofCode(String code) {
        for (Op op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        return null;
    }
}
