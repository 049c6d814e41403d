package io.edgeledger.cdc.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.testing.RedisServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealIntentsTest {
    @Test
    void theSealIntentSurvivesItsRedisRoundTrip() {
        try (RedisServer server = RedisServer.start();
                RedisConnection redis = RedisConnection.open(RedisSettings.parse(server.url(), null))) {
            SealIntent intent = new SealIntent("BATCH-2026-12-01-0123abcd", "etrap.public.orders", "etrapdb/public.orders/BATCH-2026-12-01-0123abcd/",
                    List.of(new EntryId(5, 0), new EntryId(5, 1), new EntryId(7, 0)),
                    List.of(new Poison(new EntryId(5, 1), "invalid_json", "value is not valid JSON:\tline 1\nat 3")), false)
                    .ownedBy("etrap-agent", "edgeledger-switch-over");
            redis.transaction(t -> SealIntents.recordPrepared(t, intent));
            SealIntent back = SealIntents.open(redis).get(0);
            assertThat(back.entryIds()).isEqualTo(intent.entryIds());
            assertThat(back.poison()).containsExactly(new Poison(new EntryId(5, 1), "invalid_json", "value is not valid JSON: line 1 at 3"));
            assertThat(back.s3Prefix()).isEqualTo(intent.s3Prefix());
            assertThat(back.acked()).isFalse();
            assertThat(back.group()).as("the group its entries are pending in").isEqualTo("etrap-agent");
            assertThat(back.consumer()).isEqualTo("edgeledger-switch-over");
            assertThat(back.inGroup("etrap-agent", "edgeledger-cdc")).isTrue();
            assertThat(back.inGroup("edgeledger-cdc", "edgeledger-cdc")).as("not the batcher's to finish").isFalse();
            assertThat(new SealIntent("B", "s", "p/", List.of(), List.of(), false).inGroup("edgeledger-cdc", "edgeledger-cdc"))
                    .as("an intent written before groups were recorded is the batcher's").isTrue();

            redis.transaction(t -> SealIntents.markAcked(t, intent.batchId()));
            assertThat(SealIntents.open(redis).get(0).acked()).isTrue();
            redis.transaction(t -> SealIntents.forget(t, intent.batchId()));
            assertThat(SealIntents.open(redis)).isEmpty();
        }
    }
}
