package io.edgeledger.ledger.batch;

import java.util.List;

/** Object names inside a batch prefix, in the order they are written (manifest last). */
public final class BatchObjects {
    public static final String BATCH_DATA = "batch-data.json";
    public static final String MERKLE_TREE = "merkle-tree.json";
    public static final String BY_TIMESTAMP = "indices/by-timestamp.json";
    public static final String BY_OPERATION = "indices/by-operation.json";
    public static final String BY_KEY = "indices/by-key.json";
    public static final String MANIFEST = "manifest.json";

    /** Everything except the manifest, in write order. */
    public static final List<String> CONTENT = List.of(BATCH_DATA, MERKLE_TREE, BY_TIMESTAMP, BY_OPERATION, BY_KEY);

    private BatchObjects() {}
}
