package io.edgeledger.probe.agent.aggregator;

import io.edgeledger.wire.MetricSeries;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The samples of one check instance. A check run's samples are committed together when the run ends (like Datadog's
 * CheckSampler): every point of a run carries the commit time. Rate and monotonic_count keep their last sample
 * across runs; other contexts are dropped once flushed.
 */
public final class CheckSampler {
    private record Slot(MetricType type, MetricState state) {}

    private final Map<Context, Slot> contexts = new HashMap<>();
    private final long intervalSeconds;
    private long typeConflicts;

    public CheckSampler(long intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    public synchronized void add(MetricType type, Context context, double value, double timestampSeconds) {
        Slot slot = contexts.computeIfAbsent(context, c -> new Slot(type, MetricState.create(type, intervalSeconds)));
        if (slot.type() != type) {
            typeConflicts++;
            return;
        }
        slot.state().add(value, 1.0, timestampSeconds);
    }

    /** Flushes everything sampled so far into series stamped {@code timestampSeconds}. */
    public synchronized List<MetricSeries> commit(long timestampSeconds) {
        SeriesCollector collector = new SeriesCollector(intervalSeconds);
        for (Iterator<Map.Entry<Context, Slot>> it = contexts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Context, Slot> e = it.next();
            collector.flush(e.getKey(), e.getValue().state(), timestampSeconds);
            if (!e.getValue().state().stateful()) {
                it.remove();
            }
        }
        return collector.series();
    }

    public synchronized long typeConflicts() {
        return typeConflicts;
    }
}
