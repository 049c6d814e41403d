package io.edgeledger.ledger.leaf;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.debezium.DebeziumException;
import io.edgeledger.debezium.RawRecord;
import io.edgeledger.debezium.RedisEntryFormat;
import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.VectorFiles;
import io.edgeledger.ledger.merkle.Hex;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The single pass ({@link SchemalessLeaf}) against the full path (parse, decode, serialize): wherever the single
 * pass answers, leaf bytes, hash and index fields are the full path's, byte for byte; where the full path
 * gives poison or needs a schema, the single pass must not answer.
 */
class LeafFastPathTest {
    private static final JsonObject VECTORS = VectorFiles.load("leaf-v2.json");

    @Test
    void everyVectorAgreesWithTheFullPath() {
        String placeholder = str(VECTORS, "null_placeholder");
        int answered = 0;
        for (JsonObject c : cases(VECTORS, "cases")) {
            JsonObject input = (JsonObject) c.get("input");
            RawRecord raw;
            try {
                raw = switch (str(input, "kind")) {
                    case "redis" -> RedisEntryFormat.toRecord(fields((JsonArray) input.get("fields")), placeholder);
                    default -> new RawRecord(str(input, "key_json"), str(input, "value_json"));
                };
            } catch (DebeziumException e) {
                continue; // the entry format failed before any JSON is read
            }
            if (agrees(str(c, "label"), raw)) {
                answered++;
            }
        }
        assertThat(answered).as("vectors the single pass answered").isGreaterThan(10);
    }

    @Test
    void craftedEdgesAgreeWithTheFullPath() {
        String source = "\"source\":{\"db\":\"d\",\"schema\":\"public\",\"table\":\"t\",\"ts_ms\":5}";
        List<String> rows = List.of(
                "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "{\"a\":{\"z\":[1,{\"y\":2,\"x\":3}],\"b\":null}}",
                "{\"s\":\"\\u00e9\\n\\t\\b\\f\\r\\\\\\\"\\/\\u0001\\u001f\"}", "{\"s\":\"\\ud83d\\ude9a\"}", "{\"s\":\"\\ud83d\"}",
                "{\"s\":\"\ud83d\ude9a é ∑\"}", "{\"\\u00e9\":1,\"e\":2,\"\u00e9x\":3,\"\ud83d\ude9a\":4,\"\uff01\":5}",
                "{\"n\":-0}", "{\"n\":-0.0}", "{\"n\":1.5e3}", "{\"n\":9007199254740993}", "{\"n\":9007199254740992}",
                "{\"n\":123456789012345}", "{\"n\":-123456789012345}", "{\"n\":1234567890123456}", "{\"n\":0.1}", "{\"n\":1E400}",
                "{\"n\":5e-324}", "{\"n\":01}", "{\"n\":1.}", "{\"n\":true,\"m\":false,\"o\":null}", " { \"a\" : [ ] , \"b\" : { } } ",
                "[1,2]", "\"text\"", "null", "{\"a\":tru}", "{\"a\":\"\u0001\"}", "{\"a\":1,}", "{\"x\":\"\\x\"}");
        for (String row : rows) {
            for (String op : List.of("c", "u", "d", "r", "t", "x")) {
                String value = "{\"before\":" + row + ",\"after\":" + row + "," + source + ",\"op\":\"" + op + "\",\"ts_ms\":7}";
                agrees(row, new RawRecord(row, value));
                agrees(row, new RawRecord(null, value));
            }
        }
        for (String envelope : List.of(
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"after\":{\"a\":1}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"schema\":null,\"ts_ms\":1.5},\"after\":{\"a\":1},\"ts_ms\":9}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"ts_ms\":99999999999999999999},\"ts_ms\":-0}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"schema\":3},\"after\":{}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\"},\"after\":{}}", "{\"op\":1,\"source\":{\"db\":\"d\",\"table\":\"t\"}}",
                "{\"op\":\"c\",\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"x\":{\"k\":1,\"k\":2}}}",
                "{\"schema\":null,\"payload\":{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"after\":{\"a\":1}}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"}} x", "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"x\":\"\\ude9a\"},\"after\":{}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"transaction\":[\"\\ud83d\\ude9a\",\"\\ud83d\"],\"after\":{}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"transaction\":\"\\ud83d\\ude9a \\\" \\/\",\"after\":{}}",
                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"transaction\":\"\\q\",\"after\":{}}",
                "null", "[]", "")) {
            agrees(envelope, new RawRecord("{\"id\":1}", envelope));
            agrees(envelope, new RawRecord("{\"schema\":null,\"payload\":{\"id\":1}}", envelope));
        }
    }

    @Test
    void randomRowsAgreeWithTheFullPath() {
        Random random = new Random(16);
        int answered = 0;
        for (int i = 0; i < 20_000; i++) {
            String row = RandomJson.object(random, 0);
            String key = random.nextInt(10) == 0 ? null : RandomJson.value(random, 1);
            // The row is written into the leaf; "transaction", source.x and an update's before image are only walked for
            // validity; a delete's row is its before image (skimmed first, walked again once op is known).
            String op = new String[] {"c", "u", "d"}[random.nextInt(3)];
            String before = op.equals("d") ? row : op.equals("u") ? RandomJson.object(random, 0) : "null";
            String after = op.equals("d") ? "null" : row;
            String value = "{\"before\":" + before + ",\"after\":" + after + ",\"source\":{\"db\":\"etrapdb\",\"schema\":\"public\",\"table\":\"t"
                    + random.nextInt(3) + "\",\"x\":" + RandomJson.value(random, 2) + ",\"ts_ms\":" + random.nextLong() + "},\"op\":\"" + op + "\","
                    + "\"transaction\":" + RandomJson.value(random, 1) + ",\"ts_ms\":1}";
            RawRecord raw = new RawRecord(key, value);
            if (agrees(row, raw)) {
                answered++;
            } else {
                // No schema names, shallow: the single pass declines only what the full path rejects.
                assertThat(LeafV2.fullPath(raw)).as(row + " with key " + key).isInstanceOf(LeafOutcome.Poison.class);
            }
        }
        assertThat(answered).as("random rows the single pass answered").isGreaterThan(8_000);
    }

    /** Asserts the two paths agree; true when the single pass answered. */
    private static boolean agrees(String label, RawRecord raw) {
        LeafOutcome.Leaf fast = raw.valueText() == null ? null : SchemalessLeaf.leaf(raw.keyText(), raw.valueText());
        LeafOutcome full = LeafV2.fullPath(raw);
        if (fast == null) {
            return false;
        }
        assertThat(full).as(label + " (full path: " + full + ")").isInstanceOf(LeafOutcome.Leaf.class);
        LeafOutcome.Leaf expected = (LeafOutcome.Leaf) full;
        assertThat(fast.text()).as(label).isEqualTo(expected.text());
        assertThat(Hex.of(fast.bytes())).as(label).isEqualTo(Hex.of(expected.bytes()));
        assertThat(fast.hashHex()).as(label).isEqualTo(expected.hashHex());
        assertThat(List.of(fast.table(), fast.op(), fast.database(), fast.qualifiedTable(), fast.keyJson()))
                .as(label).isEqualTo(List.of(expected.table(), expected.op(), expected.database(), expected.qualifiedTable(), expected.keyJson()));
        assertThat(fast.timestampMs()).as(label).isEqualTo(expected.timestampMs());
        return true;
    }
}
