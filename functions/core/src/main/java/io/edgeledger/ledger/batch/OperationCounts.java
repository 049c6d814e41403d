package io.edgeledger.ledger.batch;

/** Leaves per Debezium op in a batch (c, u, d, r, t). */
public record OperationCounts(long inserts, long updates, long deletes, long snapshots, long truncates) {
    public static final OperationCounts NONE = new OperationCounts(0, 0, 0, 0, 0);

    public OperationCounts plus(String op) {
        return switch (op) {
            case "c" -> new OperationCounts(inserts + 1, updates, deletes, snapshots, truncates);
            case "u" -> new OperationCounts(inserts, updates + 1, deletes, snapshots, truncates);
            case "d" -> new OperationCounts(inserts, updates, deletes + 1, snapshots, truncates);
            case "r" -> new OperationCounts(inserts, updates, deletes, snapshots + 1, truncates);
            case "t" -> new OperationCounts(inserts, updates, deletes, snapshots, truncates + 1);
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }
}
