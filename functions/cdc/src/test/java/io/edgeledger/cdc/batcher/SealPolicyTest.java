package io.edgeledger.cdc.batcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.config.SettingsException;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.redis.RedisCredentials;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.cdc.streams.StreamEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When batches close, in which order entries go into them, and how ids and Redis URLs are read. */
class SealPolicyTest {
    static final SealPolicy POLICY = new SealPolicy(3, 1L << 20, Duration.ofSeconds(60), Duration.ofSeconds(300));

    static StreamEntry entry(long millis, long seq) {
        return new StreamEntry("s", new EntryId(millis, seq), List.of("key".getBytes(), "default".getBytes()));
    }

    @Test
    void fullBatchesCloseAtMaxEventsInIdOrderAndTheRestWaits() {
        TableBuffer buffer = new TableBuffer("s");
        long now = 1_000_000;
        for (long ms : new long[] {now - 5, now - 1, now - 4, now - 3, now - 2}) {
            buffer.add(entry(ms, 0));
        }
        buffer.add(entry(now - 4, 0)); // delivered twice (reclaim + pending read): kept once
        List<List<StreamEntry>> batches = buffer.takeSealable(POLICY, now);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).extracting(e -> e.id().millis()).containsExactly(now - 5, now - 4, now - 3);
        assertThat(buffer.size()).isEqualTo(2); // not drained, young: waits for more
        assertThat(buffer.takeSealable(POLICY, now)).isEmpty();
    }

    @Test
    void aBatchAlsoClosesAtTheByteCapCutAtTheSameEntryEveryTime() {
        SealPolicy policy = new SealPolicy(100, 25, Duration.ofSeconds(60), Duration.ofSeconds(300));
        for (int attempt = 0; attempt < 2; attempt++) {
            TableBuffer buffer = new TableBuffer("s");
            for (int i = 0; i < 7; i++) {
                buffer.add(entry(1000 + i, 0)); // 10 bytes each ("key" + "default")
            }
            List<List<StreamEntry>> batches = buffer.takeSealable(policy, 1000);
            assertThat(batches).extracting(List::size).containsExactly(3, 3); // the 3rd entry reaches 30 >= 25
            assertThat(batches.get(1).get(0).id().millis()).isEqualTo(1003);
            assertThat(buffer.size()).isEqualTo(1);
            assertThat(buffer.bytes()).isEqualTo(10);
        }
    }

    @Test
    void aDrainedStreamClosesAfterTheIdleTimeAndAnyStreamAfterTheMaxAge() {
        long now = 10_000_000;
        assertThat(POLICY.closesPartial(now - 10_000, now - 10_000, true, now)).isFalse();
        assertThat(POLICY.closesPartial(now - 60_000, now - 60_000, true, now)).isTrue();
        assertThat(POLICY.closesPartial(now - 60_000, now - 60_000, false, now)).as("more may be waiting").isFalse();
        assertThat(POLICY.closesPartial(now - 300_000, now, true, now)).as("steady trickle, too old").isTrue();
        assertThat(POLICY.closesPartial(now - 900_000, now - 900_000, false, now)).as("old backlog: fills to the cap first").isFalse();

        TableBuffer buffer = new TableBuffer("s");
        buffer.add(entry(now - 61_000, 0));
        buffer.drained(true);
        assertThat(buffer.takeSealable(POLICY, now)).hasSize(1);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void entryIdsOrderNumericallyNotAsText() {
        assertThat(EntryId.parse("9-0")).isLessThan(EntryId.parse("10-0"));
        assertThat(EntryId.parse("10-2")).isLessThan(EntryId.parse("10-10"));
        assertThat(EntryId.parse("1714554000008-0").toString()).isEqualTo("1714554000008-0");
        assertThatThrownBy(() -> EntryId.parse("abc")).hasMessageContaining("not a stream entry id");
    }

    @Test
    void redisUrlsAreParsedAndBadOnesNamed() {
        RedisSettings endpoint = settingsWithUrl("redis://user:p%40ss@cache.local:6380/2");
        assertThat(List.of(endpoint.host(), endpoint.port(), endpoint.currentCredentials(), endpoint.database()))
                .isEqualTo(List.of("cache.local", 6380, new RedisCredentials("user", "p@ss"), 2));
        assertThat(settingsWithUrl("redis://127.0.0.1").port()).isEqualTo(6379);
        assertThat(settingsWithUrl("rediss://h:6380").tls()).isTrue();
        assertThat(endpoint.toString()).doesNotContain("p@ss");
        assertThatThrownBy(() -> settingsWithUrl("http://x:1")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("redis://");
        assertThat(RedisSettings.redacted("redis://u:secret@h:1")).isEqualTo("redis://***@h:1");
    }

    private static RedisSettings settingsWithUrl(String url) {
        return new io.edgeledger.cdc.config.Settings(java.util.Map.of("EDGELEDGER_REDIS_URL", url)::get).redis();
    }
}
