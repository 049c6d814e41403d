package io.edgeledger.ledger.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchIdTest {
    @Test
    void isDateOfFirstEntryAndHashOfTheRange() {
        // expected value computed with Python hashlib/datetime, independent of this code
        assertThat(BatchId.of("etrap.public.orders", "1700000000000-0", "1700000000123-4")).isEqualTo("BATCH-2023-11-14-3ef40f9f");
    }

    @Test
    void differsForAnotherRangeOrStream() {
        String id = BatchId.of("s", "1700000000000-0", "1700000000000-1");
        assertThat(BatchId.of("s", "1700000000000-0", "1700000000000-2")).isNotEqualTo(id);
        assertThat(BatchId.of("t", "1700000000000-0", "1700000000000-1")).isNotEqualTo(id);
        assertThat(BatchId.of("s", "1700000000000-0", "1700000000000-1")).isEqualTo(id);
    }

    @Test
    void rejectsMalformedEntryIds() {
        assertThatThrownBy(() -> BatchId.of("s", "abc", "1-0")).hasMessageContaining("<ms>-<seq>");
        assertThatThrownBy(() -> BatchId.of("s", "1-", "1-0")).isInstanceOf(IllegalArgumentException.class);
    }
}
