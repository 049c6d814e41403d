package io.edgeledger.ledger.legacy;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.etrap.EtrapTree;
import io.edgeledger.ledger.legacy.LegacyFinding.Kind;
import io.edgeledger.ledger.store.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the agent's S3 layout through the {@link LedgerStore} object seam (get / list only: legacy data is never
 * written). Storage that cannot be reached still throws (the caller answers 503); data that is missing, truncated or
 * inconsistent becomes a {@link LegacyFinding}.
 */
public final class LegacyBatchReader {
    public static final String BATCH_DATA = "batch-data.json";
    public static final String MERKLE_TREE = "merkle-tree.json";
    static final List<String> INDICES = List.of("indices/by_timestamp.json", "indices/by_operation.json", "indices/by_date.json");

    private LegacyBatchReader() {}

    /** Prefixes ({@code <db>/<table>/<batch_id>/}) of every legacy batch under {@code keyPrefix}: any with either tree object. */
    public static List<String> batchPrefixes(LedgerStore store, String keyPrefix) {
        Set<String> prefixes = new TreeSet<>();
        for (String key : store.list(keyPrefix == null ? "" : keyPrefix)) {
            for (String object : List.of(BATCH_DATA, MERKLE_TREE)) {
                if (key.endsWith("/" + object)) {
                    prefixes.add(key.substring(0, key.length() - object.length()));
                }
            }
        }
        return List.copyOf(prefixes);
    }

    public static LegacyBatch read(LedgerStore store, String prefix) {
        String p = prefix.endsWith("/") ? prefix : prefix + "/";
        String[] all = p.split("/");
        // <database>/<table>/<batch_id>/, possibly below a deployment's own key prefix
        String[] parts = java.util.Arrays.copyOfRange(all, Math.max(0, all.length - 3), all.length);
        List<LegacyFinding> findings = new ArrayList<>();
        Set<String> keys = new TreeSet<>(store.list(p));
        Optional<JsonObject> batchData = object(store, keys, p + BATCH_DATA, findings);
        Optional<JsonObject> treeFile = object(store, keys, p + MERKLE_TREE, findings);
        for (String index : INDICES) {
            if (!keys.contains(p + index)) {
                findings.add(LegacyFinding.of(Kind.INDEX_MISSING, p + index, "no such object (only the agent's search indexes; not needed to verify)"));
            }
        }

        JsonObject info = batchData.map(b -> b.get("batch_info") instanceof JsonObject o ? o : null).orElse(null);
        String batchId = info != null && info.string("batch_id") != null ? info.string("batch_id") : parts.length > 2 ? parts[2] : p;
        Long createdAt = info == null ? null : number(info.get("created_at"));

        List<LegacyTransaction> transactions = new ArrayList<>();
        batchData.ifPresent(b -> transactions.addAll(transactions(b, p + BATCH_DATA, findings)));
        LegacyTree fromBatchData = batchData.map(b -> b.get("merkle_tree")).map(t -> tree(t, p + BATCH_DATA + " merkle_tree", findings)).orElse(null);
        LegacyTree fromFile = treeFile.map(t -> tree(t, p + MERKLE_TREE, findings)).orElse(null);
        if (fromBatchData != null && fromFile != null && !sameTree(fromBatchData, fromFile)) {
            findings.add(LegacyFinding.of(Kind.TREE_COPIES_DISAGREE, p + MERKLE_TREE,
                    "merkle-tree.json (root " + fromFile.root() + ") differs from batch-data.json's merkle_tree (root " + fromBatchData.root() + ")"));
        }
        LegacyTree stored = fromBatchData != null ? fromBatchData : fromFile;

        List<String> leaves = new ArrayList<>();
        if (!transactions.isEmpty()) {
            transactions.forEach(t -> leaves.add(t.leafHash()));
        } else if (stored != null) {
            // no readable batch-data.json: the stored tree's original leaves are all that is left
            leaves.addAll(stored.levelZero().subList(0, Math.min(stored.originalCount(), stored.levelZero().size())));
        }
        LegacyAnchor anchor = batchData.map(b -> anchor(b)).orElse(null);
        if (anchor != null && anchor.txHash() != null && !anchor.txHashLooksReal()) {
            findings.add(LegacyFinding.of(Kind.STAND_IN_TX_HASH, p + BATCH_DATA,
                    "verification.anchoring_data.tx_hash '" + anchor.txHash() + "' is not a NEAR transaction hash; the token is checked on chain instead"));
        }
        if (batchData.isPresent() && keys.stream().noneMatch(k -> k.startsWith(p + "transactions/"))) {
            findings.add(LegacyFinding.of(Kind.ROW_DATA_NOT_STORED, p + "transactions/",
                    "data_location.storage_path names objects the agent never wrote: rows are verified by hashing them (etrap-v1)"));
        }
        findings.addAll(LegacyBatchChecks.check(p, transactions, leaves, stored));
        String database = info != null && info.string("database_name") != null ? info.string("database_name") : parts.length > 0 ? parts[0] : null;
        String table = parts.length > 1 ? parts[1] : null;
        return new LegacyBatch(p, batchId, database, table, createdAt, transactions, leaves, stored, anchor, findings);
    }

    private static Optional<JsonObject> object(LedgerStore store, Set<String> keys, String key, List<LegacyFinding> findings) {
        Optional<byte[]> bytes = keys.contains(key) ? store.get(key) : Optional.empty();
        if (bytes.isEmpty()) {
            findings.add(LegacyFinding.of(Kind.OBJECT_MISSING, key, "no such object"));
            return Optional.empty();
        }
        try {
            if (StrictJsonParser.parsePython(new String(bytes.get(), StandardCharsets.UTF_8)) instanceof JsonObject o) {
                return Optional.of(o);
            }
            findings.add(LegacyFinding.of(Kind.OBJECT_UNREADABLE, key, "not a JSON object"));
        } catch (JsonSyntaxException e) {
            findings.add(LegacyFinding.of(Kind.OBJECT_UNREADABLE, key,
                    "not JSON (" + bytes.get().length + " bytes, e.g. truncated): " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static List<LegacyTransaction> transactions(JsonObject batchData, String object, List<LegacyFinding> findings) {
        if (!(batchData.get("transactions") instanceof JsonArray array)) {
            findings.add(LegacyFinding.of(Kind.FIELD_MISSING, object, "no transactions array"));
            return List.of();
        }
        List<LegacyTransaction> out = new ArrayList<>();
        int disagree = 0;
        String firstDisagree = null;
        for (int i = 0; i < array.items().size(); i++) {
            JsonObject tx = array.items().get(i) instanceof JsonObject o ? o : null;
            JsonObject meta = tx != null && tx.get("metadata") instanceof JsonObject m ? m : null;
            JsonObject leaf = tx != null && tx.get("merkle_leaf") instanceof JsonObject l ? l : null;
            String hash = meta == null ? null : meta.string("hash");
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                findings.add(LegacyFinding.of(Kind.FIELD_MISSING, object, "transactions[" + i + "].metadata.hash is missing or not 64 lowercase hex"));
                return List.of(); // the leaf order is broken from here on: no partial tree
            }
            if (leaf == null || !hash.equals(leaf.string("hash"))) {
                disagree++;
                firstDisagree = firstDisagree == null ? "transactions[" + i + "]" : firstDisagree;
            }
            Long index = leaf == null ? null : number(leaf.get("index"));
            if (index == null || index != i) {
                findings.add(LegacyFinding.of(Kind.COUNT_MISMATCH, object, "transactions[" + i + "].merkle_leaf.index is " + index));
            }
            Long ts = number(meta.get("timestamp"));
            out.add(new LegacyTransaction(i, meta.string("transaction_id"), ts == null ? 0 : ts, meta.string("operation_type"),
                    meta.string("database_name"), meta.string("table_affected"), hash, number(meta.get("lsn")), number(meta.get("transaction_db_id"))));
        }
        if (disagree > 0) {
            findings.add(LegacyFinding.of(Kind.LEAF_HASHES_DISAGREE, object,
                    disagree + " transaction(s) whose metadata.hash differs from merkle_leaf.hash, first " + firstDisagree));
        }
        return out;
    }

    private static LegacyTree tree(JsonValue value, String object, List<LegacyFinding> findings) {
        if (!(value instanceof JsonObject t) || t.string("root") == null || !(t.get("nodes") instanceof JsonArray nodes)) {
            findings.add(LegacyFinding.of(Kind.FIELD_MISSING, object, "no tree (root and nodes)"));
            return null;
        }
        List<String> levelZero = new ArrayList<>();
        for (JsonValue n : nodes.items()) {
            if (n instanceof JsonObject node && Long.valueOf(0).equals(number(node.get("level"))) && node.string("hash") != null) {
                levelZero.add(node.string("hash"));
            }
        }
        Map<Integer, EtrapTree.Proof> proofs = new LinkedHashMap<>();
        if (t.get("proof_index") instanceof JsonObject index) {
            for (JsonValue p : index.members().values()) {
                if (p instanceof JsonObject proof && number(proof.get("leaf_index")) instanceof Long i) {
                    proofs.put(i.intValue(), new EtrapTree.Proof(i.intValue(), strings(proof.get("proof_path")), strings(proof.get("sibling_positions"))));
                }
            }
        }
        Long height = number(t.get("height"));
        Long original = number(t.get("original_count"));
        Long padded = number(t.get("padded_count"));
        if (original == null) {
            findings.add(LegacyFinding.of(Kind.FIELD_MISSING, object, "no original_count"));
        }
        return new LegacyTree(t.string("root"), height == null ? 0 : height.intValue(), original == null ? levelZero.size() : original.intValue(),
                padded == null ? levelZero.size() : padded.intValue(), levelZero, proofs);
    }

    private static boolean sameTree(LegacyTree a, LegacyTree b) {
        return a.root().equals(b.root()) && a.originalCount() == b.originalCount() && a.levelZero().equals(b.levelZero());
    }

    private static LegacyAnchor anchor(JsonObject batchData) {
        if (batchData.get("verification") instanceof JsonObject v && v.get("anchoring_data") instanceof JsonObject a) {
            return new LegacyAnchor(a.string("tx_hash"), a.string("block_height"));
        }
        return null;
    }

    private static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.items().forEach(v -> out.add(v instanceof JsonString s ? s.value() : String.valueOf(v)));
        }
        return out;
    }

    static Long number(JsonValue value) {
        if (value instanceof JsonNumber n && n.isIntegerToken()) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
