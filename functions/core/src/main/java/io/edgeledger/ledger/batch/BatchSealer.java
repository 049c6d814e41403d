package io.edgeledger.ledger.batch;

import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonValue;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleTree;
import io.edgeledger.ledger.merkle.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seals stream entries of one table into a leaf-v2 / rfc6962 batch: leaves in stream order (tombstones
 * and poison entries are listed in batch-data.json but add no leaf), the tree, the three indices and
 * the manifest. Deterministic apart from {@code sealed_at}: the same entries give the same objects.
 */
public final class BatchSealer {
    public static final String SCHEME = "rfc6962";
    /** Where a batch without any leaf (only tombstones / poison) is filed: {@code _streams/<stream>/}. */
    public static final String NO_LEAF_DATABASE = "_streams";

    private final String bucket;
    private final String network;
    private final String contract;
    private final Clock clock;

    /** {@code network}/{@code contract} go into the pending mint record (null when not known yet). */
    public BatchSealer(String bucket, String network, String contract, Clock clock) {
        this.bucket = bucket;
        this.network = network;
        this.contract = contract;
        this.clock = clock;
    }

    public SealedBatch seal(String stream, List<BatchEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one stream entry");
        }
        String first = entries.get(0).entryId();
        String last = entries.get(entries.size() - 1).entryId();
        String batchId = BatchId.of(stream, first, last);

        List<LeafOutcome.Leaf> leaves = new ArrayList<>();
        // Each leaf is embedded in batch-data.json as its leaf bytes (its RFC 8785 text): a placeholder object
        // per leaf stands for them in the tree, so no leaf is parsed or serialized again.
        IdentityHashMap<JsonObject, byte[]> leafBytes = new IdentityHashMap<>(entries.size() * 2);
        List<Long> leafTimes = new ArrayList<>();
        List<JsonValue> dataEntries = new ArrayList<>();
        OperationCounts counts = OperationCounts.NONE;
        for (BatchEntry e : entries) {
            JsonObject.Builder item = JsonObject.builder().put("entry_id", e.entryId());
            switch (e.outcome()) {
                case LeafOutcome.Leaf leaf -> {
                    requireSameTable(leaves, leaf, e.entryId());
                    long ts = leaf.timestampMs() != null ? leaf.timestampMs() : EntryIds.millis(e.entryId());
                    item.put("result", "leaf").put("leaf_index", leaves.size()).put("op", leaf.op())
                            .put("timestamp_ms", ts).put("leaf_hash", leaf.hashHex()).put("leaf", placeholder(leafBytes, leaf));
                    leaves.add(leaf);
                    leafTimes.add(ts);
                    counts = counts.plus(leaf.op());
                }
                case LeafOutcome.NoLeaf n -> item.put("result", "no_leaf").put("reason", n.reason());
                case LeafOutcome.Poison p -> item.put("result", "error").put("error", p.code()).put("detail", p.detail());
            }
            dataEntries.add(item.build());
        }
        String database = leaves.isEmpty() ? NO_LEAF_DATABASE : leaves.get(0).database();
        String table = leaves.isEmpty() ? stream : leaves.get(0).qualifiedTable();
        String prefix = Manifest.prefix(database, table, batchId);
        // Leaf hashes were computed with the leaves (SHA-256(0x00 || bytes)): do not hash every leaf again.
        MerkleTree tree = MerkleTree.fromLeafHashes(leaves.stream().map(LeafOutcome.Leaf::hash).toList());
        String root = Hex.of(tree.root());

        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put(BatchObjects.BATCH_DATA, JcsWriter.bytes(JsonObject.builder()
                .put("batch_id", batchId).put("scheme", SCHEME).put("leaf_scheme", LeafV2.SCHEME).put("stream", stream)
                .put("database", database).put("table", table).put("first_entry_id", first).put("last_entry_id", last)
                .put("leaf_count", leaves.size()).put("entry_count", entries.size())
                .put("entries", new JsonArray(dataEntries)).build(), leafBytes));
        objects.put(BatchObjects.MERKLE_TREE, JcsWriter.bytes(JsonObject.builder()
                .put("scheme", SCHEME).put("leaf_scheme", LeafV2.SCHEME).put("tree_size", leaves.size()).put("root", root)
                .put("leaf_hashes", new JsonArray(leaves.stream().map(l -> (JsonValue) JsonValue.of(l.hashHex())).toList())).build()));
        objects.put(BatchObjects.BY_TIMESTAMP, JcsWriter.bytes(byTimestamp(entries, leafTimes)));
        objects.put(BatchObjects.BY_OPERATION, JcsWriter.bytes(byOperation(leaves)));
        objects.put(BatchObjects.BY_KEY, JcsWriter.bytes(byKey(leaves)));

        Map<String, String> hashes = new TreeMap<>();
        objects.forEach((name, bytes) -> hashes.put(name, Hex.of(Sha256.digest(bytes))));
        Manifest manifest = new Manifest(batchId, SCHEME, LeafV2.SCHEME, database, table, stream, first, last, root,
                leaves.size(), entries.size(), counts,
                leafTimes.stream().min(Long::compare).orElse(EntryIds.millis(first)),
                leafTimes.stream().max(Long::compare).orElse(EntryIds.millis(last)),
                DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)),
                objects.get(BatchObjects.BATCH_DATA).length, bucket, prefix, hashes, Mint.pending(network, contract, batchId));
        return new SealedBatch(manifest, objects, leaves, tree);
    }

    private static JsonObject placeholder(IdentityHashMap<JsonObject, byte[]> leafBytes, LeafOutcome.Leaf leaf) {
        JsonObject stand = new JsonObject(Map.of());
        leafBytes.put(stand, leaf.bytes());
        return stand;
    }

    private static void requireSameTable(List<LeafOutcome.Leaf> leaves, LeafOutcome.Leaf leaf, String entryId) {
        if (!leaves.isEmpty() && !leaves.get(0).table().equals(leaf.table())) {
            throw new IllegalArgumentException("entry " + entryId + " is from table " + leaf.table() + " but the batch holds "
                    + leaves.get(0).table() + ": seal one batch per table");
        }
    }

    /** {"entries":[{timestamp_ms, leaf_index, entry_id}]} sorted by time, then leaf index. */
    private static JsonObject byTimestamp(List<BatchEntry> entries, List<Long> leafTimes) {
        record Row(long ts, int index, String entryId) {}
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (BatchEntry e : entries) {
            if (e.outcome() instanceof LeafOutcome.Leaf) {
                rows.add(new Row(leafTimes.get(index), index, e.entryId()));
                index++;
            }
        }
        rows.sort(Comparator.comparingLong(Row::ts).thenComparingInt(Row::index));
        return JsonObject.builder().put("entries", new JsonArray(rows.stream().map(r -> (JsonValue) JsonObject.builder()
                .put("timestamp_ms", r.ts()).put("leaf_index", r.index()).put("entry_id", r.entryId()).build()).toList())).build();
    }

    /** {"c":[leaf indices], "u":[...], "d":[...], "r":[...], "t":[...]}. */
    private static JsonObject byOperation(List<LeafOutcome.Leaf> leaves) {
        Map<String, List<JsonValue>> byOp = new LinkedHashMap<>();
        for (String op : List.of("c", "u", "d", "r", "t")) {
            byOp.put(op, new ArrayList<>());
        }
        for (int i = 0; i < leaves.size(); i++) {
            byOp.get(leaves.get(i).op()).add(JsonValue.of(i));
        }
        JsonObject.Builder b = JsonObject.builder();
        byOp.forEach((op, indices) -> b.put(op, new JsonArray(indices)));
        return b.build();
    }

    /** {"<key as RFC 8785 JSON>": [leaf indices]}: every change of one row. */
    private static JsonObject byKey(List<LeafOutcome.Leaf> leaves) {
        Map<String, List<JsonValue>> byKey = new TreeMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            byKey.computeIfAbsent(leaves.get(i).keyJson(), k -> new ArrayList<>()).add(new JsonNumber(Integer.toString(i)));
        }
        JsonObject.Builder b = JsonObject.builder();
        byKey.forEach((key, indices) -> b.put(key, new JsonArray(indices)));
        return b.build();
    }
}
