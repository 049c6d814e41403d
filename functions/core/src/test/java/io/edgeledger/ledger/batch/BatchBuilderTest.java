package io.edgeledger.ledger.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JcsWriter;
import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonValue;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.ledger.merkle.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The streamed batch objects against their tree form (JSON documents serialized by {@link JcsWriter}, as the seal
 * path wrote them before it streamed), byte for byte, over random batches: leaves, tombstones and poison with
 * details holding quotes, backslashes, control characters, non-ASCII and lone surrogates, keys that repeat, times
 * out of order.
 */
class BatchBuilderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String[] OPS = {"c", "u", "d", "r"};

    @Test
    void streamedObjectsEqualTheTreeForm() {
        Random random = new Random(16);
        BatchSealer sealer = new BatchSealer("b", "emulator", "notary.emulator", CLOCK);
        for (int round = 0; round < 100; round++) {
            List<BatchEntry> entries = randomEntries(random, 1 + random.nextInt(round < 20 ? 3 : 300));
            SealedBatch streamed = sealer.seal("db.public.t", entries);
            Map<String, byte[]> expected = treeForm("db.public.t", entries, Hex.parse(streamed.manifest().root()));
            for (Map.Entry<String, byte[]> o : expected.entrySet()) {
                assertThat(new String(streamed.objects().get(o.getKey()), StandardCharsets.UTF_8)).as("round %d, %s", round, o.getKey())
                        .isEqualTo(new String(o.getValue(), StandardCharsets.UTF_8));
            }
            assertThat(streamed.objects().keySet()).containsExactlyElementsOf(expected.keySet());
        }
    }

    @Test
    void theBuilderKeepsNoLeavesAndGivesTheSameBytes() {
        BatchSealer sealer = new BatchSealer("b", "emulator", "notary.emulator", CLOCK);
        List<BatchEntry> entries = randomEntries(new Random(7), 50);
        BatchBuilder builder = sealer.builder("db.public.t", 1000);
        entries.forEach(e -> builder.add(e.entryId(), e.outcome()));
        SealedBatch streamed = builder.seal();
        SealedBatch listed = sealer.seal("db.public.t", entries);
        assertThat(streamed.leaves()).isEmpty();
        assertThat(streamed.manifest()).isEqualTo(listed.manifest());
        streamed.objects().forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(listed.objects().get(name)));
    }

    private static List<BatchEntry> randomEntries(Random random, int n) {
        List<BatchEntry> entries = new ArrayList<>();
        long ms = 1714554000000L;
        for (int i = 0; i < n; i++) {
            ms += random.nextInt(3);
            String id = ms + "-" + i;
            int kind = random.nextInt(10);
            LeafOutcome outcome;
            if (kind == 0) {
                outcome = new LeafOutcome.NoLeaf(random.nextBoolean() ? "tombstone" : text(random, true));
            } else if (kind == 1) {
                outcome = new LeafOutcome.Poison(random.nextBoolean() ? "invalid_json" : text(random, true), text(random, true));
            } else {
                String op = OPS[random.nextInt(OPS.length)];
                String row = "{\"id\":" + random.nextInt(20) + ",\"s\":" + JcsWriter.write(JsonValue.of(text(random, false))) + "}";
                String key = random.nextInt(5) == 0 ? null : "{\"id\":" + random.nextInt(20) + ",\"k\":" + JcsWriter.write(JsonValue.of(text(random, false))) + "}";
                String ts = random.nextInt(4) == 0 ? "" : ",\"ts_ms\":" + (1714554000000L + random.nextInt(5000));
                String value = "{\"before\":" + (op.equals("d") ? row : "null") + ",\"after\":" + (op.equals("d") ? "null" : row)
                        + ",\"source\":{\"db\":\"db\",\"schema\":\"public\",\"table\":\"t\"" + ts + "},\"op\":\"" + op + "\"}";
                outcome = LeafV2.fromRecord(key, value);
                assertThat(outcome).isInstanceOf(LeafOutcome.Leaf.class);
            }
            entries.add(new BatchEntry(id, outcome));
        }
        return entries;
    }

    /** Quotes, backslashes, controls, DEL, Latin-1, BMP, astral pairs and (in error details) lone surrogates. */
    private static String text(Random random, boolean loneSurrogates) {
        String[] pieces = {"a", "Z", "\"", "\\", "\n", "\u0001", "\u001f", "\u007f", "é", "€", "中", "😀", " ", "/", "\ud800", "\udfff"};
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(pieces[random.nextInt(pieces.length - (loneSurrogates ? 0 : 2))]);
        }
        return sb.toString();
    }

    /** The objects as JSON trees serialized with JcsWriter: the seal path's output before it streamed. */
    private static Map<String, byte[]> treeForm(String stream, List<BatchEntry> entries, byte[] root) {
        String first = entries.get(0).entryId();
        String last = entries.get(entries.size() - 1).entryId();
        String batchId = BatchId.of(stream, first, last);
        List<LeafOutcome.Leaf> leaves = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<JsonValue> items = new ArrayList<>();
        for (BatchEntry e : entries) {
            JsonObject.Builder item = JsonObject.builder().put("entry_id", e.entryId());
            switch (e.outcome()) {
                case LeafOutcome.Leaf leaf -> {
                    long ts = leaf.timestampMs() != null ? leaf.timestampMs() : EntryIds.millis(e.entryId());
                    item.put("result", "leaf").put("leaf_index", leaves.size()).put("op", leaf.op()).put("timestamp_ms", ts)
                            .put("leaf_hash", leaf.hashHex()).put("leaf", leaf.document());
                    leaves.add(leaf);
                    times.add(ts);
                }
                case LeafOutcome.NoLeaf no -> item.put("result", "no_leaf").put("reason", no.reason());
                case LeafOutcome.Poison p -> item.put("result", "error").put("error", p.code()).put("detail", p.detail());
            }
            items.add(item.build());
        }
        String database = leaves.isEmpty() ? BatchSealer.NO_LEAF_DATABASE : leaves.get(0).database();
        String table = leaves.isEmpty() ? stream : leaves.get(0).qualifiedTable();
        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put(BatchObjects.BATCH_DATA, JcsWriter.bytes(JsonObject.builder().put("batch_id", batchId).put("scheme", BatchSealer.SCHEME)
                .put("leaf_scheme", LeafV2.SCHEME).put("stream", stream).put("database", database).put("table", table)
                .put("first_entry_id", first).put("last_entry_id", last).put("leaf_count", leaves.size())
                .put("entry_count", entries.size()).put("entries", new JsonArray(items)).build()));
        objects.put(BatchObjects.MERKLE_TREE, JcsWriter.bytes(JsonObject.builder().put("scheme", BatchSealer.SCHEME)
                .put("leaf_scheme", LeafV2.SCHEME).put("tree_size", leaves.size()).put("root", Hex.of(root))
                .put("leaf_hashes", new JsonArray(leaves.stream().map(l -> (JsonValue) JsonValue.of(l.hashHex())).toList())).build()));
        record Row(long ts, int index, String entryId) {}
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (BatchEntry e : entries) {
            if (e.outcome() instanceof LeafOutcome.Leaf) {
                rows.add(new Row(times.get(index), index, e.entryId()));
                index++;
            }
        }
        rows.sort(Comparator.comparingLong(Row::ts).thenComparingInt(Row::index));
        objects.put(BatchObjects.BY_TIMESTAMP, JcsWriter.bytes(JsonObject.builder().put("entries", new JsonArray(rows.stream()
                .map(r -> (JsonValue) JsonObject.builder().put("timestamp_ms", r.ts()).put("leaf_index", r.index())
                        .put("entry_id", r.entryId()).build()).toList())).build()));
        Map<String, List<JsonValue>> byOp = new LinkedHashMap<>();
        for (String op : List.of("c", "u", "d", "r", "t")) {
            byOp.put(op, new ArrayList<>());
        }
        Map<String, List<JsonValue>> byKey = new TreeMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            byOp.get(leaves.get(i).op()).add(JsonValue.of(i));
            byKey.computeIfAbsent(leaves.get(i).keyJson(), k -> new ArrayList<>()).add(new JsonNumber(Integer.toString(i)));
        }
        JsonObject.Builder ops = JsonObject.builder();
        byOp.forEach((op, list) -> ops.put(op, new JsonArray(list)));
        objects.put(BatchObjects.BY_OPERATION, JcsWriter.bytes(ops.build()));
        JsonObject.Builder keys = JsonObject.builder();
        byKey.forEach((key, list) -> keys.put(key, new JsonArray(list)));
        objects.put(BatchObjects.BY_KEY, JcsWriter.bytes(keys.build()));
        return objects;
    }
}
