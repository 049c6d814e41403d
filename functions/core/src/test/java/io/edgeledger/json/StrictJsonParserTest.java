package io.edgeledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonParserTest {
    @Test
    void rejectsEverythingRfc8259Forbids() {
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "01", "-01", "1.", ".5", "1e", "+1", "[1,]", "{\"a\":1,}", "// c\n1",
                "/* c */1", "\uFEFF1", "\"a\u0001\"", "1 2", "{\"a\":1,\"a\":2}", "{\"\\u0061\":1,\"a\":2}", "\"\\ud800\"", "\"\\udc00x\"",
                "\"\\x\"", "\"\\u12\"", "'a'", "[", "", " ", "tru", "nul", "{a:1}", "\"\\u00e9\\u0\"", "[" .repeat(1001))) {
            assertThatThrownBy(() -> StrictJsonParser.parse(bad)).as(bad).isInstanceOf(JsonSyntaxException.class);
        }
    }

    @Test
    void acceptsValidJsonAndKeepsNumberTokens() {
        JsonValue v = StrictJsonParser.parse(" {\"a\":[1.50,-0,1E2,true,null],\"b\":\"\\u00e9\\ud83d\\ude00\\/\"}\r\n");
        JsonObject o = (JsonObject) v;
        assertThat(((JsonArray) o.get("a")).items()).containsExactly(new JsonNumber("1.50"), new JsonNumber("-0"), new JsonNumber("1E2"),
                JsonBoolean.TRUE, JsonNull.INSTANCE);
        assertThat(o.string("b")).isEqualTo("é😀/");
    }

    @Test
    void pythonModeIsAsLenientAsJsonLoads() {
        JsonObject o = (JsonObject) StrictJsonParser.parsePython("{\"a\":NaN,\"a\":-Infinity,\"s\":\"\\ud800\"}");
        assertThat(o.get("a")).isEqualTo(new JsonNumber("-Infinity"));
        assertThat(o.string("s")).isEqualTo("\ud800");
    }

    @Test
    void jcsSortsByUtf16AndEscapesLikeJsonStringify() {
        JsonObject o = JsonObject.builder().put("\uE000", 1).put("\uD83D\uDE00", 2).put("b", "\u007f\u2028\n\u001f\"\\").put("a", 3).build();
        assertThat(JcsWriter.write(o)).isEqualTo("{\"a\":3,\"b\":\"\u007f\u2028\\n\\u001f\\\"\\\\\",\"\uD83D\uDE00\":2,\"\uE000\":1}");
        // Python sorts by code point: the emoji (U+1F600) after U+E000
        assertThat(PythonJsonWriter.write(o)).startsWith("{\"a\":3,\"b\":\"\\u007f\\u2028\\n\\u001f\\\"\\\\\",\"\\ue000\":1,\"\\ud83d\\ude00\":2}");
    }
}
