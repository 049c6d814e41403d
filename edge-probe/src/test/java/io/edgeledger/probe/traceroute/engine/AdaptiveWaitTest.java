package io.edgeledger.probe.traceroute.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The -w MAX,HERE,NEAR rule: unknown RTTs wait the timeout, known ones shorten it, the floor holds. */
class AdaptiveWaitTest {
    private static final long MS = 1_000_000;

    @Test
    void waitsTheTimeoutUntilSomethingFartherOrAtTheSameTtlAnswered() {
        AdaptiveWait w = new AdaptiveWait(3, 10, 10);
        assertThat(w.waitNanos(1000 * MS, -1, -1)).isEqualTo(1000 * MS);
        assertThat(w.waitNanos(1000 * MS, -1, 20 * MS)).isEqualTo(200 * MS);
        assertThat(w.waitNanos(1000 * MS, 20 * MS, 20 * MS)).isEqualTo(60 * MS);
        assertThat(w.waitNanos(1000 * MS, -1, MS / 10)).isEqualTo(10 * MS); // floor
        assertThat(w.waitNanos(100 * MS, -1, 50 * MS)).isEqualTo(100 * MS); // never past the timeout
        assertThat(AdaptiveWait.OFF.waitNanos(1000 * MS, 1, 1)).isEqualTo(1000 * MS);
    }

    @Test
    void parsesHereNearAndFloor() {
        assertThat(AdaptiveWait.parse("3,10")).isEqualTo(new AdaptiveWait(3, 10, 10));
        assertThat(AdaptiveWait.parse("2,5,1")).isEqualTo(new AdaptiveWait(2, 5, 1));
        assertThatThrownBy(() -> AdaptiveWait.parse("x")).hasMessageContaining("HERE,NEAR");
        assertThatThrownBy(() -> AdaptiveWait.parse("-1,2")).hasMessageContaining(">= 0");
    }
}
