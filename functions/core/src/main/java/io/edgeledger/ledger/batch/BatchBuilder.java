package io.edgeledger.ledger.batch;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One batch sealed as its entries come: each entry's batch-data.json item (with the leaf's RFC 8785 bytes) is
 * written to bytes when it is added, so a caller can drop the entry, its text and its leaf at once; only the
 * leaf hashes and what the indices need are kept. {@link #seal} writes the other objects and the manifest.
 * The bytes equal the JCS of the documents docs/ledger-manifest.md describes (BatchBuilderTest checks them
 * against the tree form). Not thread-safe: one builder per batch.
 */
public final class BatchBuilder {
    private final String stream;
    private final String bucket;
    private final String network;
    private final String contract;
    private final Clock clock;
    /** Leaves kept for {@link SealedBatch#leaves()} ({@link BatchSealer#seal}), or null: the streaming batcher needs none. */
    private final List<LeafOutcome.Leaf> keptLeaves;

    private final JcsSink items;
    private String first;
    private String last;
    private int entries;
    private final List<byte[]> leafHashes = new ArrayList<>();
    private long[] leafTimes = new long[64];
    private String[] leafEntryIds = new String[64];
    /** Leaf indices per key; sorted once at seal (a TreeMap rebalanced on every leaf was ~5 % of the batcher's CPU). */
    private final HashMap<String, IntList> byKey = new HashMap<>();
    /** Leaf indices per op, in JCS member order c, d, r, t, u. */
    private final IntList[] byOp = {new IntList(), new IntList(), new IntList(), new IntList(), new IntList()};
    private String leafTable;
    private String database;
    private String table;

    BatchBuilder(String stream, String bucket, String network, String contract, Clock clock, boolean keepLeaves, int expectedBytes) {
        this.stream = stream;
        this.bucket = bucket;
        this.network = network;
        this.contract = contract;
        this.clock = clock;
        this.keptLeaves = keepLeaves ? new ArrayList<>() : null;
        this.items = new JcsSink(Math.min(expectedBytes, 256 << 10));
    }

    /** Entries added so far (leaves, tombstones and poison). */
    public int entries() {
        return entries;
    }

    public int leaves() {
        return leafHashes.size();
    }

    /** Adds the next entry of the stream (ids in stream order). */
    public BatchBuilder add(String entryId, LeafOutcome outcome) {
        EntryIds.millis(entryId); // validates, as a BatchEntry does
        if (outcome == null) {
            throw new IllegalArgumentException("entry " + entryId + " has no outcome");
        }
        if (first == null) {
            first = entryId;
        }
        last = entryId;
        if (entries++ > 0) {
            items.add(',');
        }
        switch (outcome) {
            case LeafOutcome.Leaf leaf -> addLeaf(entryId, leaf);
            case LeafOutcome.NoLeaf n -> items.ascii("{\"entry_id\":").string(entryId).ascii(",\"reason\":").string(n.reason())
                    .ascii(",\"result\":\"no_leaf\"}");
            case LeafOutcome.Poison p -> items.ascii("{\"detail\":").string(p.detail()).ascii(",\"entry_id\":").string(entryId)
                    .ascii(",\"error\":").string(p.code()).ascii(",\"result\":\"error\"}");
        }
        return this;
    }

    private void addLeaf(String entryId, LeafOutcome.Leaf leaf) {
        if (leafTable == null) {
            leafTable = leaf.table();
            database = leaf.database();
            table = leaf.qualifiedTable();
        } else if (!leafTable.equals(leaf.table())) {
            throw new IllegalArgumentException("entry " + entryId + " is from table " + leaf.table() + " but the batch holds "
                    + leafTable + ": seal one batch per table");
        }
        int index = leafHashes.size();
        long ts = leaf.timestampMs() != null ? leaf.timestampMs() : EntryIds.millis(entryId);
        items.ascii("{\"entry_id\":").string(entryId).ascii(",\"leaf\":").bytes(leaf.bytes()).ascii(",\"leaf_hash\":").hex(leaf.hash())
                .ascii(",\"leaf_index\":").number(index).ascii(",\"op\":").string(leaf.op()).ascii(",\"result\":\"leaf\",\"timestamp_ms\":")
                .number(ts).add('}');
        leafHashes.add(leaf.hash());
        if (index == leafTimes.length) {
            leafTimes = Arrays.copyOf(leafTimes, index * 2);
            leafEntryIds = Arrays.copyOf(leafEntryIds, index * 2);
        }
        leafTimes[index] = ts;
        leafEntryIds[index] = entryId;
        byOp[opSlot(leaf.op())].add(index);
        byKey.computeIfAbsent(leaf.keyJson(), k -> new IntList()).add(index);
        if (keptLeaves != null) {
            keptLeaves.add(leaf);
        }
    }

    private static int opSlot(String op) {
        return switch (op) {
            case "c" -> 0;
            case "d" -> 1;
            case "r" -> 2;
            case "t" -> 3;
            case "u" -> 4;
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    /** The batch: deterministic apart from {@code sealed_at}; the same entries give the same objects. */
    public SealedBatch seal() {
        if (entries == 0) {
            throw new IllegalArgumentException("a batch needs at least one stream entry");
        }
        String batchId = BatchId.of(stream, first, last);
        int leafCount = leafHashes.size();
        String db = leafCount == 0 ? BatchSealer.NO_LEAF_DATABASE : database;
        String tbl = leafCount == 0 ? stream : table;
        String prefix = Manifest.prefix(db, tbl, batchId);
        MerkleTree tree = MerkleTree.fromLeafHashes(leafHashes);
        String root = Hex.of(tree.root());

        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put(BatchObjects.BATCH_DATA, batchData(batchId, db, tbl, leafCount));
        objects.put(BatchObjects.MERKLE_TREE, merkleTree(root));
        objects.put(BatchObjects.BY_TIMESTAMP, byTimestamp());
        objects.put(BatchObjects.BY_OPERATION, byOperation());
        objects.put(BatchObjects.BY_KEY, byKeyIndex());

        Map<String, String> hashes = new TreeMap<>();
        objects.forEach((name, bytes) -> hashes.put(name, Hex.of(Sha256.digest(bytes))));
        long minTs = EntryIds.millis(first);
        long maxTs = EntryIds.millis(last);
        if (leafCount > 0) {
            minTs = Long.MAX_VALUE;
            maxTs = Long.MIN_VALUE;
            for (int i = 0; i < leafCount; i++) {
                minTs = Math.min(minTs, leafTimes[i]);
                maxTs = Math.max(maxTs, leafTimes[i]);
            }
        }
        OperationCounts counts = new OperationCounts(byOp[0].size, byOp[4].size, byOp[1].size, byOp[2].size, byOp[3].size);
        Manifest manifest = new Manifest(batchId, BatchSealer.SCHEME, LeafV2.SCHEME, db, tbl, stream, first, last, root, leafCount, entries,
                counts, minTs, maxTs, DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)),
                objects.get(BatchObjects.BATCH_DATA).length, bucket, prefix, hashes, Mint.pending(network, contract, batchId));
        return new SealedBatch(manifest, objects, keptLeaves == null ? List.of() : keptLeaves, tree);
    }

    private byte[] batchData(String batchId, String db, String tbl, int leafCount) {
        JcsSink head = new JcsSink(256);
        head.ascii("{\"batch_id\":").string(batchId).ascii(",\"database\":").string(db).ascii(",\"entries\":[");
        JcsSink tail = new JcsSink(256);
        tail.ascii("],\"entry_count\":").number(entries).ascii(",\"first_entry_id\":").string(first).ascii(",\"last_entry_id\":")
                .string(last).ascii(",\"leaf_count\":").number(leafCount).ascii(",\"leaf_scheme\":").string(LeafV2.SCHEME)
                .ascii(",\"scheme\":").string(BatchSealer.SCHEME).ascii(",\"stream\":").string(stream).ascii(",\"table\":").string(tbl)
                .add('}');
        byte[] h = head.toBytes();
        byte[] t = tail.toBytes();
        long total = h.length + items.size() + t.length;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("batch-data.json of " + batchId + " would exceed 2 GB");
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(h, 0, out, 0, h.length);
        items.copyTo(out, h.length);
        System.arraycopy(t, 0, out, (int) (h.length + items.size()), t.length);
        return out;
    }

    private byte[] merkleTree(String root) {
        JcsSink out = new JcsSink(leafHashes.size() * 67 + 128);
        out.ascii("{\"leaf_hashes\":[");
        for (int i = 0; i < leafHashes.size(); i++) {
            if (i > 0) {
                out.add(',');
            }
            out.hex(leafHashes.get(i));
        }
        return out.ascii("],\"leaf_scheme\":").string(LeafV2.SCHEME).ascii(",\"root\":").string(root).ascii(",\"scheme\":")
                .string(BatchSealer.SCHEME).ascii(",\"tree_size\":").number(leafHashes.size()).add('}').toBytes();
    }

    /** {"entries":[{entry_id, leaf_index, timestamp_ms}]} sorted by time, then leaf index. */
    private byte[] byTimestamp() {
        int n = leafHashes.size();
        Integer[] order = new Integer[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sorted &= i == 0 || leafTimes[i - 1] <= leafTimes[i];
        }
        if (!sorted) {
            Arrays.sort(order, (a, b) -> leafTimes[a] != leafTimes[b] ? Long.compare(leafTimes[a], leafTimes[b]) : Integer.compare(a, b));
        }
        JcsSink out = new JcsSink(n * 72 + 32);
        out.ascii("{\"entries\":[");
        for (int i = 0; i < n; i++) {
            int index = order[i];
            if (i > 0) {
                out.add(',');
            }
            out.ascii("{\"entry_id\":").string(leafEntryIds[index]).ascii(",\"leaf_index\":").number(index).ascii(",\"timestamp_ms\":")
                    .number(leafTimes[index]).add('}');
        }
        return out.ascii("]}").toBytes();
    }

    /** {"c":[leaf indices],"d":[...],"r":[...],"t":[...],"u":[...]} (JCS order of the op codes). */
    private byte[] byOperation() {
        JcsSink out = new JcsSink(leafHashes.size() * 6 + 64);
        String[] names = {"c", "d", "r", "t", "u"};
        out.add('{');
        for (int op = 0; op < names.length; op++) {
            if (op > 0) {
                out.add(',');
            }
            out.string(names[op]).add(':');
            byOp[op].writeTo(out);
        }
        return out.add('}').toBytes();
    }

    /** {"<key as RFC 8785 JSON>": [leaf indices]}: every change of one row, keys in JCS (UTF-16) order. */
    private byte[] byKeyIndex() {
        JcsSink out = new JcsSink(byKey.size() * 48 + 64);
        out.add('{');
        String[] keys = byKey.keySet().toArray(new String[0]);
        Arrays.sort(keys); // String order is UTF-16 code unit order, RFC 8785's member order
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.add(',');
            }
            out.string(keys[i]).add(':');
            byKey.get(keys[i]).writeTo(out);
        }
        return out.add('}').toBytes();
    }

    /** A growable int array: leaf indices per op and per key without boxing. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void writeTo(JcsSink out) {
            out.add('[');
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.add(',');
                }
                out.number(values[i]);
            }
            out.add(']');
        }
    }
}
