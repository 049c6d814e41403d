package io.edgeledger.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every sample file in samples/debezium parses into typed change events (or tombstones). */
class SampleFilesParseTest {
    static Path samples() {
        return SharedData.resolve("samples/debezium");
    }

    @TestFactory
    Stream<DynamicTest> everyEventFileParses() throws IOException {
        try (Stream<Path> files = Files.walk(samples())) {
            return files.filter(p -> p.toString().endsWith(".events.json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(samples().relativize(file).toString(), () -> {
                        List<SampleFiles.EventRecord> records = SampleFiles.readEvents(file);
                        assertThat(records).isNotEmpty();
                        boolean withSchema = file.toString().contains("with-schema");
                        int tombstones = 0;
                        for (SampleFiles.EventRecord r : records) {
                            ParsedRecord parsed = ChangeEventParser.parse(r.keyText(), r.valueText());
                            if (parsed instanceof Tombstone) {
                                tombstones++;
                                continue;
                            }
                            ChangeEvent e = (ChangeEvent) parsed;
                            assertThat(e.valueSchema() != null).isEqualTo(withSchema);
                            assertThat(e.key()).isNotNull();
                            assertThat(e.key().schema() != null).isEqualTo(withSchema);
                            assertThat(r.topic()).endsWith("." + e.source().table());
                            assertThat(e.source().tsMs()).isNotNull();
                        }
                        assertThat(tombstones).as("every delete is followed by a tombstone").isPositive();
                    }));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRedisFileParses() throws IOException {
        try (Stream<Path> files = Files.list(samples().resolve("redis"))) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        for (SampleFiles.StreamEntry entry : SampleFiles.readRedisJsonl(file)) {
                            ParsedRecord parsed = ChangeEventParser.parseRedisEntry(entry.fields(), RedisEntryFormat.DEFAULT_NULL_PLACEHOLDER);
                            if (parsed instanceof ChangeEvent e) {
                                assertThat(entry.stream()).endsWith(e.source().table());
                            } else {
                                assertThat(entry.label()).contains("tombstone");
                            }
                        }
                    }));
        }
    }

    @Test
    void postgresAndMysqlSourcesAreTyped() throws IOException {
        List<SampleFiles.EventRecord> orders = SampleFiles.readEvents(samples().resolve("postgres/orders.events.json"));
        ChangeEvent snapshot = (ChangeEvent) ChangeEventParser.parse(orders.get(0).keyText(), orders.get(0).valueText());
        assertThat(snapshot.op()).isEqualTo(Op.READ);
        assertThat(snapshot.source().fullTable()).isEqualTo("etrapdb.public.orders");
        assertThat(snapshot.source().qualifiedTable()).isEqualTo("public.orders");
        assertThat(snapshot.source().snapshot()).isNotNull();
        assertThat(snapshot.rowImage()).isInstanceOf(JsonObject.class);
        assertThat(((JsonObject) snapshot.rowImage()).get("id")).isEqualTo(new JsonNumber("1001"));

        List<SampleFiles.EventRecord> products = SampleFiles.readEvents(samples().resolve("mysql/products.events.json"));
        ChangeEvent p = (ChangeEvent) ChangeEventParser.parse(products.get(0).keyText(), products.get(0).valueText());
        assertThat(p.source().schema()).isNull();
        assertThat(p.source().fullTable()).isEqualTo("inventory.products");
        assertThat(p.source().connector()).isEqualTo("mysql");
    }
}
