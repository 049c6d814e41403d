package io.edgeledger.probe.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.Property;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTwoSecondsUpToTheSixtyFourSecondCap() {
        Backoff b = Backoff.DEFAULT;
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.ceiling(6)).isEqualTo(Duration.ofSeconds(64));
        assertThat(b.ceiling(7)).isEqualTo(Duration.ofSeconds(64));
        assertThat(b.ceiling(1000)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void jitterStaysBetweenHalfAndTheCeilingAndActuallyVaries() {
        Property.forAll(200, random -> {
            int n = 1 + random.nextInt(20);
            long d = Backoff.DEFAULT.delay(n, random).toMillis();
            long ceiling = Backoff.DEFAULT.ceiling(n).toMillis();
            assertThat(d).isBetween(ceiling / 2, ceiling);
        });
        var r = new java.util.SplittableRandom(1);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToLong(i -> Backoff.DEFAULT.delay(3, r).toMillis())
                .distinct().count()).isGreaterThan(10);
    }
}
