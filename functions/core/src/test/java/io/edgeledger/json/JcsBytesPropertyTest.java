package io.edgeledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte writer (used for leaves and batch-data.json) must be exactly the UTF-8 of the text writer. */
class JcsBytesPropertyTest {
    private static final String SPECIAL = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029éß€中文😀\uE000\uFFFF";

    @Test
    void bytesAreTheUtf8OfTheTextForRandomDocuments() {
        Property.forAll(3000, random -> {
            JsonValue value = value(random, 0);
            byte[] expected = JcsWriter.write(value).getBytes(StandardCharsets.UTF_8);
            assertThat(JcsWriter.bytes(value)).as(JcsWriter.write(value)).isEqualTo(expected);
        });
    }

    @Test
    void embeddedKnownObjectsAreWrittenAsTheirBytes() {
        Property.forAll(500, random -> {
            JsonObject inner = object(random, 1);
            Map<String, JsonValue> outer = new LinkedHashMap<>();
            outer.put("z", inner);
            outer.put("a", new JsonArray(List.of(inner, string(random))));
            JsonObject doc = new JsonObject(outer);
            IdentityHashMap<JsonObject, byte[]> known = new IdentityHashMap<>();
            known.put(inner, JcsWriter.bytes(inner));
            assertThat(JcsWriter.bytes(doc, known)).isEqualTo(JcsWriter.write(doc).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static JsonValue value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 4 : 6);
        return switch (kind) {
            case 0 -> JsonNull.INSTANCE;
            case 1 -> new JsonBoolean(random.nextBoolean());
            case 2 -> new JsonNumber(NumberFormats.ecmascript(random.nextBoolean() ? random.nextInt(-1000, 1000) : random.nextDouble() * 1e6));
            case 3 -> string(random);
            case 4 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(value(random, depth + 1));
                }
                yield new JsonArray(items);
            }
            default -> object(random, depth + 1);
        };
    }

    private static JsonObject object(SplittableRandom random, int depth) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            members.put(string(random).value(), value(random, depth + 1));
        }
        return new JsonObject(members);
    }

    /** Mostly ASCII (the fast path), with escapes, non-ASCII and astral characters mixed in. */
    private static JsonString string(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            if (random.nextInt(4) == 0) {
                int at = random.nextInt(SPECIAL.length());
                if (Character.isHighSurrogate(SPECIAL.charAt(at))) {
                    sb.append(SPECIAL, at, at + 2);
                } else if (!Character.isLowSurrogate(SPECIAL.charAt(at))) {
                    sb.append(SPECIAL.charAt(at));
                }
            } else {
                sb.append((char) random.nextInt(0x20, 0x7f));
            }
        }
        return new JsonString(sb.toString());
    }
}
