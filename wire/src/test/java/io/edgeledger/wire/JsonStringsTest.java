package io.edgeledger.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.testing.Property;
import io.edgeledger.wire.JsonStrings.Escapes;
import org.junit.jupiter.api.Test;

class JsonStringsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theStylesDifferOnlyWhereTheySay() {
        String s = "a\"\\\n\r\t\b\f\u0001é\u2028";
        assertThat(JsonStrings.quote(s, Escapes.ECMASCRIPT)).isEqualTo("\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001é\u2028\"");
        assertThat(JsonStrings.quote(s, Escapes.ASCII)).isEqualTo("\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u00e9\\u2028\"");
        assertThat(JsonStrings.quote(s, Escapes.GO)).isEqualTo("\"a\\\"\\\\\\n\\r\\t\\u0008\\u000c\\u0001é\u2028\"");
    }

    @Test
    void everyStyleReadsBackAsTheSameString() {
        Property.forAll(300, random -> {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xd800)));
            }
            for (Escapes escapes : Escapes.values()) {
                try {
                    assertThat(JSON.readValue(JsonStrings.quote(s, escapes), String.class)).isEqualTo(s.toString());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new AssertionError(escapes + ": " + e.getOriginalMessage(), e);
                }
            }
        });
    }
}
