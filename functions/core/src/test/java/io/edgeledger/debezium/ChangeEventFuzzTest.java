package io.edgeledger.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.testing.Property;
import io.edgeledger.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the parser and leaf-v2 with 100,000+ inputs: mutated real samples (byte flips, cuts, splices,
 * JSON-ish token insertions) and random entries. Only typed outcomes are allowed: a change event, a
 * tombstone or a DebeziumException with a leaf-v2 code, never another exception.
 */
class ChangeEventFuzzTest {
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "null", "true", "-0", "1e400", "0.1",
            "9007199254740993", "\"op\":\"c\"", "\"schema\":{\"type\":\"struct\"}", "\"payload\":", "NaN", "\ud83d", "\u0000", " ",
            "\"type\":\"int8\"", "\"name\":\"org.apache.kafka.connect.data.Decimal\"", "\"scale\":\"-2147483648\"", "=", "AA==",
            "\"name\":\"io.debezium.time.NanoTime\"", "\"type\":\"map\"", "\"keys\":{\"type\":\"int32\"}"};
    private static final Set<String> CODES = Set.of("entry_format", "invalid_json", "bad_envelope", "unsupported_op", "schema_mismatch", "bad_base64");

    @Test
    void noUnexpectedExceptionOnAHundredThousandInputs() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String f : List.of("redis/streams-extended.jsonl", "redis/streams-extended-schemas.jsonl")) {
            for (SampleFiles.StreamEntry e : SampleFiles.readRedisJsonl(SharedData.resolve("samples/debezium/" + f))) {
                e.fields().stream().filter(x -> x.getKey().equals("value") && !x.getValue().equals("default")).forEach(x -> seeds.add(x.getValue()));
            }
        }
        assertThat(seeds).isNotEmpty();
        int[] outcomes = new int[3];
        Property.forAll(100_000, r -> {
            String value = switch (r.nextInt(50)) {
                case 0 -> "default";
                case 1 -> r.nextBoolean() ? "null" : mutate("{\"schema\":null,\"payload\":null}", r);
                default -> mutate(seeds.get(r.nextInt(seeds.size())), r);
            };
            String key = r.nextInt(4) == 0 ? mutate("{\"id\":1}", r) : "{\"id\":1}";
            List<Map.Entry<String, String>> fields = switch (r.nextInt(10)) {
                case 0 -> List.of(Map.entry(key, value));
                case 1 -> List.of(Map.entry("value", value));
                case 2 -> List.of();
                default -> List.of(Map.entry("key", key), Map.entry("value", value));
            };
            LeafOutcome out = LeafV2.fromRedisEntry(fields, "default");
            switch (out) {
                case LeafOutcome.Leaf leaf -> {
                    outcomes[0]++;
                    assertThat(leaf.hash()).hasSize(32);
                }
                case LeafOutcome.NoLeaf n -> outcomes[1]++;
                case LeafOutcome.Poison p -> {
                    outcomes[2]++;
                    assertThat(CODES).contains(p.code());
                    assertThat(p.detail()).isNotBlank();
                }
            }
        });
        // the mutations must exercise all three outcomes, or the fuzzer tests nothing
        assertThat(java.util.Arrays.stream(outcomes).min().orElse(0)).as("leaf, no-leaf, poison counts %s", java.util.Arrays.toString(outcomes)).isGreaterThan(100);
    }

    static String mutate(String s, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = sb.isEmpty() ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(6)) {
                case 0 -> {
                    if (!sb.isEmpty()) {
                        sb.setCharAt(at, (char) (sb.charAt(at) ^ (1 << r.nextInt(7))));
                    }
                }
                case 1 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(20)));
                case 3 -> sb.setLength(at);
                case 4 -> {
                    // replace a digit run with an extreme number
                    int d = indexOfDigit(sb, at);
                    if (d >= 0) {
                        sb.replace(d, d + 1, r.nextBoolean() ? "99999999999999999999" : "1.00000000000000011102230246251565404236316680908203125");
                    }
                }
                default -> {
                    // leave this edit out: some inputs stay valid and reach schema decoding
                }
            }
        }
        return sb.toString();
    }

    private static int indexOfDigit(StringBuilder sb, int from) {
        for (int i = from; i < sb.length(); i++) {
            if (Character.isDigit(sb.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

}
