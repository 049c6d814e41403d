package io.edgeledger.cdc.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batcher's three byte budgets follow the heap, so a small heap is not overrun by large entries (docs/cdc.md). */
class ByteBudgetsTest {
    private static final Map<String, String> BASE = Map.of("EDGELEDGER_REDIS_URL", "redis://127.0.0.1:6379");

    private static BatcherSettings read(Map<String, String> env, long heapBytes) {
        return BatcherSettings.from(new Settings(env::get), heapBytes);
    }

    @Test
    void aSmallHeapGetsAnEighthOfItPerBudget() {
        BatcherSettings s = read(BASE, 64L << 20); // bin/cdc's heap
        assertThat(s.policy().maxBytes()).isEqualTo(8L << 20);
        assertThat(s.maxInFlightBytes()).isEqualTo(8L << 20);
        assertThat(s.maxBufferedBytes()).isEqualTo(8L << 20);
    }

    @Test
    void aLargeHeapKeepsTheDocumentedDefaults() {
        BatcherSettings s = read(BASE, 1L << 30);
        assertThat(s.policy().maxBytes()).isEqualTo(16L << 20);
        assertThat(s.maxInFlightBytes()).isEqualTo(12L << 20);
        assertThat(s.maxBufferedBytes()).isEqualTo(24L << 20);
    }

    @Test
    void explicitSettingsAreTakenAsGiven() {
        BatcherSettings s = read(Map.of("EDGELEDGER_REDIS_URL", "redis://127.0.0.1:6379",
                "EDGELEDGER_CDC_BATCH_MAX_BYTES", "33554432", "EDGELEDGER_CDC_MAX_IN_FLIGHT_BYTES", "1048576",
                "EDGELEDGER_CDC_MAX_BUFFERED_BYTES", "50331648"), 64L << 20);
        assertThat(s.policy().maxBytes()).isEqualTo(32L << 20);
        assertThat(s.maxInFlightBytes()).isEqualTo(1L << 20);
        assertThat(s.maxBufferedBytes()).isEqualTo(48L << 20);
    }
}
