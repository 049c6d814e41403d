package io.edgeledger.ledger.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSealerTest {
    private static final BatchSealer SEALER = new BatchSealer("b", null, null, Clock.fixed(Instant.parse("2026-12-01T22:00:00.123456Z"), ZoneOffset.UTC));

    static String event(String op, int id, long tsMs) {
        return "{\"op\":\"" + op + "\",\"ts_ms\":" + (tsMs + 5) + ",\"source\":{\"db\":\"shop\",\"schema\":\"public\",\"table\":\"orders\",\"ts_ms\":" + tsMs
                + "},\"before\":{\"id\":" + id + "},\"after\":" + (op.equals("d") ? "null" : "{\"id\":" + id + ",\"n\":" + tsMs + "}") + "}";
    }

    static JsonObject object(SealedBatch b, String name) {
        return (JsonObject) StrictJsonParser.parse(new String(b.objects().get(name), StandardCharsets.UTF_8));
    }

    static List<Long> longs(JsonValue array) {
        return ((JsonArray) array).items().stream().map(v -> Long.parseLong(((JsonNumber) v).text())).toList();
    }

    @Test
    void objectsIndicesAndManifestDescribeTheEntries() {
        List<BatchEntry> entries = List.of(
                new BatchEntry("1700000000000-0", LeafV2.fromRecord("{\"id\":1}", event("c", 1, 1700000000300L))),
                new BatchEntry("1700000000000-1", LeafV2.fromRecord("{\"id\":2}", event("r", 2, 1700000000100L))),
                new BatchEntry("1700000000001-0", LeafV2.fromRecord("{\"id\":1}", event("u", 1, 1700000000200L))),
                new BatchEntry("1700000000002-0", LeafV2.fromRecord("{\"id\":1}", event("d", 1, 1700000000400L))),
                new BatchEntry("1700000000002-1", LeafV2.fromRecord("{\"id\":1}", null)),
                new BatchEntry("1700000000003-0", LeafV2.fromRecord("{\"id\":3}", "{\"op\":\"c\"")));
        SealedBatch b = SEALER.seal("pfx.public.orders", entries);
        Manifest m = b.manifest();

        assertThat(m.batchId()).isEqualTo(BatchId.of("pfx.public.orders", "1700000000000-0", "1700000000003-0"));
        assertThat(m.s3Prefix()).isEqualTo("shop/public.orders/" + m.batchId() + "/");
        assertThat(m.leafCount()).isEqualTo(4);
        assertThat(m.entryCount()).isEqualTo(6);
        assertThat(m.operationCounts()).isEqualTo(new OperationCounts(1, 1, 1, 1, 0));
        assertThat(m.firstTimestampMs()).isEqualTo(1700000000100L);
        assertThat(m.lastTimestampMs()).isEqualTo(1700000000400L);
        assertThat(m.sealedAt()).isEqualTo("2026-12-01T22:00:00.123Z");
        assertThat(m.sizeBytes()).isEqualTo(b.objects().get(BatchObjects.BATCH_DATA).length);
        assertThat(m.mint().status()).isEqualTo("pending");
        assertThat(m.mint().tokenId()).isEqualTo(m.batchId());
        b.objects().forEach((name, bytes) -> assertThat(m.objects().get(name)).isEqualTo(Hex.of(Sha256.digest(bytes))));

        JsonObject byOp = object(b, BatchObjects.BY_OPERATION);
        assertThat(longs(byOp.get("c"))).containsExactly(0L);
        assertThat(longs(byOp.get("r"))).containsExactly(1L);
        assertThat(longs(byOp.get("u"))).containsExactly(2L);
        assertThat(longs(byOp.get("d"))).containsExactly(3L);
        assertThat(longs(byOp.get("t"))).isEmpty();

        JsonObject byKey = object(b, BatchObjects.BY_KEY);
        assertThat(longs(byKey.get("{\"id\":1}"))).containsExactly(0L, 2L, 3L);
        assertThat(longs(byKey.get("{\"id\":2}"))).containsExactly(1L);
        assertThat(byKey.members()).hasSize(2);

        List<JsonValue> byTime = ((JsonArray) object(b, BatchObjects.BY_TIMESTAMP).get("entries")).items();
        assertThat(byTime.stream().map(e -> ((JsonObject) e).string("entry_id")).toList())
                .containsExactly("1700000000000-1", "1700000000001-0", "1700000000000-0", "1700000000002-0");

        List<JsonValue> data = ((JsonArray) object(b, BatchObjects.BATCH_DATA).get("entries")).items();
        assertThat(data).hasSize(6);
        assertThat(((JsonObject) data.get(4)).string("result")).isEqualTo("no_leaf");
        assertThat(((JsonObject) data.get(5)).string("result")).isEqualTo("error");
        assertThat(((JsonObject) data.get(5)).string("error")).isEqualTo("invalid_json");
        assertThat(object(b, BatchObjects.MERKLE_TREE).string("root")).isEqualTo(m.root());
    }

    @Test
    void aBatchHoldsOneTable() {
        assertThatThrownBy(() -> SEALER.seal("s", List.of(
                new BatchEntry("1-0", LeafV2.fromRecord(null, event("c", 1, 1))),
                new BatchEntry("1-1", LeafV2.fromRecord(null, event("c", 1, 1).replace("orders", "customers"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seal one batch per table");
        assertThatThrownBy(() -> SEALER.seal("s", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameEntriesGiveTheSameObjects() {
        List<BatchEntry> entries = List.of(new BatchEntry("1700000000000-0", LeafV2.fromRecord("{\"id\":1}", event("c", 1, 1700000000300L))));
        SealedBatch a = SEALER.seal("s", entries);
        SealedBatch b = new BatchSealer("b", null, null, Clock.systemUTC()).seal("s", entries);
        assertThat(a.manifest().objects()).isEqualTo(b.manifest().objects());
        assertThat(a.manifest().root()).isEqualTo(b.manifest().root());
    }
}
