package io.edgeledger.ledger.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules of the leaf-v2 README that the public vectors do not exercise, one example each. */
class LeafV2RulesTest {
    private static final String SOURCE = "\"source\":{\"db\":\"d\",\"schema\":\"s\",\"table\":\"t\"}";

    /** The leaf row of an event with after = {"v": VALUE} typed by {@code fieldSchema}. */
    static String typedRow(String fieldSchema, String value) {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"after\",\"type\":\"struct\",\"fields\":[{\"field\":\"v\"," + fieldSchema.substring(1) + "]}]}";
        LeafOutcome out = LeafV2.fromRecord(null, "{\"schema\":" + schema + ",\"payload\":{\"op\":\"c\"," + SOURCE + ",\"after\":{\"v\":" + value + "}}}");
        return switch (out) {
            case LeafOutcome.Leaf l -> l.text().replaceAll("^.*\"row\":\\{\"v\":(.*)\\},\"table\".*$", "$1");
            case LeafOutcome.Poison p -> p.code();
            case LeafOutcome.NoLeaf n -> n.reason();
        };
    }

    static String untypedRow(String value) {
        LeafOutcome out = LeafV2.fromRecord(null, "{\"op\":\"c\"," + SOURCE + ",\"after\":{\"v\":" + value + "}}");
        return out instanceof LeafOutcome.Leaf l ? l.text().replaceAll("^.*\"row\":\\{\"v\":(.*)\\},\"table\".*$", "$1") : out.toString();
    }

    static final String DECIMAL2 = "{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}}";

    @Test
    void decimals() {
        assertThat(typedRow(DECIMAL2, "\"BNI=\"")).isEqualTo("\"12.34\"");
        assertThat(typedRow(DECIMAL2, "\"/gw=\"")).isEqualTo("\"-5.00\"");
        assertThat(typedRow(DECIMAL2, "\"AA==\"")).isEqualTo("\"0.00\"");
        assertThat(typedRow(DECIMAL2, "\"zg==\"")).isEqualTo("\"-0.50\"");
        assertThat(typedRow(DECIMAL2.replace("\"2\"", "\"-2\""), "\"BNI=\"")).isEqualTo("\"123400\"");
        assertThat(typedRow(DECIMAL2.replace("\"2\"", "\"-2\""), "\"AA==\"")).isEqualTo("\"0\"");
        assertThat(typedRow(DECIMAL2, "\"\"")).isEqualTo("schema_mismatch");
        assertThat(typedRow(DECIMAL2, "\"BNI\"")).isEqualTo("bad_base64");
        assertThat(typedRow(DECIMAL2, "\"BNJ=\"")).isEqualTo("bad_base64"); // non-zero pad bits
        assertThat(typedRow(DECIMAL2.replace("\"2\"", "\"x\""), "\"BNI=\"")).isEqualTo("schema_mismatch");
        assertThat(typedRow(DECIMAL2.replace("\"2\"", "\"2147483648\""), "\"BNI=\"")).isEqualTo("schema_mismatch");
        assertThat(typedRow(DECIMAL2.replace("\"bytes\"", "\"string\""), "\"BNI=\"")).isEqualTo("schema_mismatch");
        assertThat(typedRow(DECIMAL2, "1234")).isEqualTo("schema_mismatch");
        String vsd = "{\"type\":\"struct\",\"name\":\"io.debezium.data.VariableScaleDecimal\",\"fields\":[]}";
        assertThat(typedRow(vsd, "{\"scale\":3,\"value\":\"BNI=\"}")).isEqualTo("\"1.234\"");
        assertThat(typedRow(vsd, "{\"scale\":3}")).isEqualTo("schema_mismatch");
        assertThat(typedRow(vsd, "{\"scale\":3,\"value\":\"BNI=\",\"x\":1}")).isEqualTo("schema_mismatch");
    }

    @Test
    void temporals() {
        assertThat(typedRow("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTimestamp\"}", "-1")).isEqualTo("\"1969-12-31T23:59:59.999999Z\"");
        assertThat(typedRow("{\"type\":\"int64\",\"name\":\"io.debezium.time.Timestamp\"}", "1714554000004")).isEqualTo("\"2024-05-01T09:00:00.004Z\"");
        assertThat(typedRow("{\"type\":\"int64\",\"name\":\"io.debezium.time.NanoTimestamp\"}", "0")).isEqualTo("\"1970-01-01T00:00:00.000000000Z\"");
        assertThat(typedRow("{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\"}", "-719528")).isEqualTo("\"0000-01-01\"");
        assertThat(typedRow("{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\"}", "2932897")).isEqualTo("\"+10000-01-01\"");
        assertThat(typedRow("{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\"}", "-719529")).isEqualTo("\"-0001-12-31\"");
        assertThat(typedRow("{\"type\":\"int32\",\"name\":\"io.debezium.time.Time\"}", "86400000")).isEqualTo("\"24:00:00.000\"");
        assertThat(typedRow("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTime\"}", "-3600000001")).isEqualTo("\"-01:00:00.000001\"");
        assertThat(typedRow("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTime\"}", "360000000000")).isEqualTo("\"100:00:00.000000\"");
        assertThat(typedRow("{\"type\":\"int64\",\"name\":\"io.debezium.time.Date\"}", "1")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\"}", "1.0")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"string\",\"name\":\"io.debezium.time.ZonedTimestamp\"}", "\"2024-05-01T09:00:00Z\"")).isEqualTo("\"2024-05-01T09:00:00Z\"");
    }

    @Test
    void numbersAndOtherTypes() {
        assertThat(typedRow("{\"type\":\"int64\"}", "9223372036854775807")).isEqualTo("\"9223372036854775807\"");
        assertThat(typedRow("{\"type\":\"int64\"}", "9223372036854775808")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"int8\"}", "128")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"int16\"}", "-0")).isEqualTo("0");
        assertThat(typedRow("{\"type\":\"double\"}", "\"NaN\"")).isEqualTo("\"NaN\"");
        assertThat(typedRow("{\"type\":\"double\"}", "1e400")).isEqualTo("\"Infinity\"");
        assertThat(typedRow("{\"type\":\"double\"}", "-0.0")).isEqualTo("\"-0.0\"");
        assertThat(typedRow("{\"type\":\"double\"}", "\"nan\"")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"float\"}", "0.1")).isEqualTo("0.10000000149011612");
        assertThat(typedRow("{\"type\":\"double\"}", "2.50")).isEqualTo("2.5");
        assertThat(typedRow("{\"type\":\"boolean\"}", "1")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"bytes\"}", "\"\"")).isEqualTo("\"\"");
        assertThat(typedRow("{\"type\":\"uuid\"}", "\"x\"")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"string\"}", "null")).isEqualTo("null");
        assertThat(typedRow("{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}", "[[1,\"a\"]]")).isEqualTo("[[1,\"a\"]]");
        assertThat(typedRow("{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}}", "{\"k\":1}")).isEqualTo("{\"k\":1}");
        assertThat(typedRow("{\"type\":\"array\",\"items\":{\"type\":\"int32\"}}", "[1,\"2\"]")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]}", "{\"b\":1}")).isEqualTo("schema_mismatch");
        assertThat(typedRow("{\"type\":\"string\",\"name\":\"io.debezium.data.Json\"}", "\"{\\\"a\\\":1.0}\"")).isEqualTo("{\"a\":1}");
        assertThat(typedRow("{\"type\":\"string\",\"name\":\"io.debezium.data.Json\"}", "\"{\\\"a\\\":}\"")).isEqualTo("invalid_json");
    }

    @Test
    void untypedNumbersNeverRoundSilently() {
        assertThat(untypedRow("9007199254740992")).isEqualTo("9007199254740992");
        assertThat(untypedRow("9007199254740993")).isEqualTo("\"9007199254740993\"");
        assertThat(untypedRow("-0")).isEqualTo("0");
        assertThat(untypedRow("1.0")).isEqualTo("1");
        assertThat(untypedRow("1E2")).isEqualTo("100");
        assertThat(untypedRow("0.1")).isEqualTo("0.1");
        assertThat(untypedRow("0.10000000000000000001")).isEqualTo("\"0.10000000000000000001\"");
        assertThat(untypedRow("-0.0")).isEqualTo("\"-0.0\"");
        assertThat(untypedRow("1e400")).isEqualTo("\"1e400\"");
        assertThat(untypedRow("1e-400")).isEqualTo("\"1e-400\"");
        assertThat(untypedRow("\"BNI=\"")).isEqualTo("\"BNI=\"");
    }

    @Test
    void envelopeRules() {
        assertThat(LeafV2.fromRecord(null, "{\"op\":\"t\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"after\":{\"x\":1e999999999999}}"))
                .isInstanceOf(LeafOutcome.Leaf.class);
        LeafOutcome.Leaf truncate = (LeafOutcome.Leaf) LeafV2.fromRecord(null, "{\"op\":\"t\",\"source\":{\"db\":\"d\",\"table\":\"t\"}}");
        assertThat(truncate.text()).isEqualTo("{\"key\":null,\"op\":\"t\",\"row\":null,\"table\":\"d.t\"}");
        LeafOutcome.Leaf delete = (LeafOutcome.Leaf) LeafV2.fromRecord("{\"id\":1}", "{\"op\":\"d\"," + SOURCE + "}");
        assertThat(delete.text()).isEqualTo("{\"key\":{\"id\":1},\"op\":\"d\",\"row\":null,\"table\":\"d.s.t\"}");
        assertThat(LeafV2.fromRecord(null, "{\"op\":\"m\"}")).isEqualTo(new LeafOutcome.Poison("unsupported_op",
                "op \"m\" is not a data change (expected one of c, u, d, r, t)"));
        assertThat(((LeafOutcome.Poison) LeafV2.fromRecord("{", "{\"op\":\"c\"," + SOURCE + "}")).code()).isEqualTo("invalid_json");
        assertThat(((LeafOutcome.Poison) LeafV2.fromRecord("{", "{\"op\":\"c\",\"source\":{}}")).code()).isEqualTo("bad_envelope");
        assertThat(LeafV2.fromRecord("{", null)).isEqualTo(new LeafOutcome.NoLeaf("tombstone"));
        assertThat(((LeafOutcome.Poison) LeafV2.fromRecord(null,
                "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":{\"op\":\"c\"," + SOURCE + ",\"after\":{}}}")).code())
                .isEqualTo("schema_mismatch");
        // a value with schema and payload plus a third member is not an envelope, so it is the (bad) record itself
        assertThat(((LeafOutcome.Poison) LeafV2.fromRecord(null, "{\"schema\":null,\"payload\":null,\"x\":1}")).code()).isEqualTo("bad_envelope");
        // with and without schema the same change gives different leaves
        LeafOutcome.Leaf plain = (LeafOutcome.Leaf) LeafV2.fromRecord(null, "{\"op\":\"c\"," + SOURCE + ",\"after\":{\"v\":\"BNI=\"}}");
        assertThat(plain.text()).contains("\"BNI=\"");
        assertThat(typedRow(DECIMAL2, "\"BNI=\"")).isEqualTo("\"12.34\"");
        assertThat(plain.keyJson()).isEqualTo("null");
        assertThat(plain.qualifiedTable()).isEqualTo("s.t");
    }
}
