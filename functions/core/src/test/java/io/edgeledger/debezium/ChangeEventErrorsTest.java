package io.edgeledger.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed input gets a typed error whose message names what is wrong. */
class ChangeEventErrorsTest {
    private static final String SOURCE = "\"source\":{\"db\":\"d\",\"table\":\"t\"}";

    private static DebeziumException error(String key, String value) {
        try {
            ChangeEventParser.parse(key, value);
        } catch (DebeziumException e) {
            return e;
        }
        throw new AssertionError("no error for " + value);
    }

    @Test
    void entryFormat() {
        assertThatThrownBy(() -> RedisEntryFormat.toRecord(List.of(), "default")).isInstanceOf(DebeziumException.class)
                .hasMessageContaining("neither extended nor compact");
        DebeziumException e = (DebeziumException) org.assertj.core.api.Assertions.catchThrowable(() ->
                RedisEntryFormat.toRecord(List.of(Map.entry("value", "{}"), Map.entry("value", "{}"), Map.entry("key", "1")), "default"));
        assertThat(e.error()).isEqualTo(DebeziumError.ENTRY_FORMAT);
        assertThat(e.getMessage()).contains("exactly one 'key' and one 'value'");
        assertThat(RedisEntryFormat.toRecord(List.of(Map.entry("key", "1"), Map.entry("value", "default"), Map.entry("H", "x")), "default"))
                .isEqualTo(new RawRecord("1", null));
    }

    @Test
    void invalidJsonNamesThePlaceAndProblem() {
        DebeziumException e = error(null, "{\"op\":\"c\",\"op\":\"u\"}");
        assertThat(e.code()).isEqualTo("invalid_json");
        assertThat(e.getMessage()).contains("value").contains("duplicate member name \"op\"");
        assertThat(error(null, "{\"a\":01}").getMessage()).contains("leading zero");
        assertThat(error(null, "[1,]").getMessage()).contains("expected a value");
        assertThat(error(null, "\uFEFF{}").code()).isEqualTo("invalid_json");
        assertThat(error(null, "{\"a\":\"\\ud800\"}").getMessage()).contains("unpaired surrogate");
        assertThat(error("{bad", "{\"op\":\"c\"," + SOURCE + "}").getMessage()).startsWith("key is not valid JSON");
    }

    @Test
    void envelopeAndOp() {
        assertThat(error(null, "[1]").getMessage()).contains("JSON array, not a Debezium envelope");
        assertThat(error(null, "{\"op\":1," + SOURCE + "}").getMessage()).contains("'op' is a JSON number");
        assertThat(error(null, "{" + SOURCE + "}").code()).isEqualTo("bad_envelope");
        assertThat(error(null, "{\"op\":\"m\"}").code()).isEqualTo("unsupported_op");
        assertThat(error(null, "{\"op\":\"c\",\"source\":{\"db\":\"d\"}}").getMessage()).contains("'source.table' is missing");
        assertThat(error(null, "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"schema\":3}}").getMessage()).contains("source.schema");
    }

    @Test
    void tombstonesAreNotErrors() {
        assertThat(ChangeEventParser.parse("{\"id\":1}", null)).isEqualTo(new Tombstone("{\"id\":1}"));
        assertThat(ChangeEventParser.parse("not even json", "null")).isInstanceOf(Tombstone.class);
        assertThat(ChangeEventParser.parse(null, "{\"schema\":null,\"payload\":null}")).isInstanceOf(Tombstone.class);
    }
}
