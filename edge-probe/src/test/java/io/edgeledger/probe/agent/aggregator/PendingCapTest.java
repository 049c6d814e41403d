package io.edgeledger.probe.agent.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events and service checks are not aggregated: at most MAX_PENDING wait per flush, the rest are counted. */
class PendingCapTest {
    @Test
    void aFloodIsCappedAndCountedAndAFlushMakesRoomAgain() {
        Aggregator a = new Aggregator();
        Event e = Event.of("t", "x", List.of());
        ServiceCheck sc = new ServiceCheck("s", 0, 0, "", List.of(), "");
        for (int i = 0; i < Aggregator.MAX_PENDING + 5; i++) {
            a.addEvent(e);
            a.addServiceCheck(sc);
        }
        assertThat(a.droppedEventsAndServiceChecks()).isEqualTo(10);
        assertThat(a.flushEvents()).hasSize(Aggregator.MAX_PENDING);
        assertThat(a.flushServiceChecks()).hasSize(Aggregator.MAX_PENDING);
        a.addEvent(e);
        assertThat(a.flushEvents()).hasSize(1);
        assertThat(a.droppedEventsAndServiceChecks()).isEqualTo(10);
    }
}
