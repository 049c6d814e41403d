package io.edgeledger.probe.agent.aggregator;

import io.edgeledger.wire.MetricSeries;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DogStatsD aggregation in fixed time buckets (10 s by default, like Datadog's TimeSampler): a sample lands in the
 * bucket containing its timestamp; a flush at time T emits every bucket that ended at or before T, each point stamped
 * with its bucket's start. Not thread-safe: one owner thread, or the caller synchronizes.
 */
public final class TimeSampler {
    private record Slot(MetricType type, MetricState state) {}

    private final long bucketSeconds;
    private final TreeMap<Long, Map<Context, Slot>> buckets = new TreeMap<>();
    private long cachedStart = Long.MIN_VALUE;
    private Map<Context, Slot> cached;
    private long samples;
    private long typeConflicts;

    public TimeSampler(long bucketSeconds) {
        this.bucketSeconds = bucketSeconds;
    }

    public void add(Context context, MetricType type, double value, double sampleRate, long timestampSeconds) {
        Slot slot = slot(context, type, timestampSeconds);
        if (slot != null) {
            slot.state().add(value, sampleRate, timestampSeconds);
            samples++;
        }
    }

    public void addSetMember(Context context, String member, long timestampSeconds) {
        Slot slot = slot(context, MetricType.SET, timestampSeconds);
        if (slot != null) {
            slot.state().addString(member);
            samples++;
        }
    }

    private Slot slot(Context context, MetricType type, long ts) {
        long start = ts - Math.floorMod(ts, bucketSeconds);
        if (start != cachedStart) {
            cached = buckets.computeIfAbsent(start, s -> new HashMap<>());
            cachedStart = start;
        }
        Slot slot = cached.get(context);
        if (slot == null) {
            slot = new Slot(type, MetricState.create(type, bucketSeconds));
            cached.put(context, slot);
        } else if (slot.type() != type) {
            typeConflicts++;
            return null;
        }
        return slot;
    }

    /** Emits and forgets every bucket that ended at or before {@code nowSeconds}. */
    public List<MetricSeries> flush(long nowSeconds) {
        SeriesCollector collector = new SeriesCollector(bucketSeconds);
        for (Iterator<Map.Entry<Long, Map<Context, Slot>>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Map<Context, Slot>> bucket = it.next();
            if (bucket.getKey() + bucketSeconds > nowSeconds) {
                break;
            }
            bucket.getValue().forEach((ctx, slot) -> collector.flush(ctx, slot.state(), bucket.getKey()));
            it.remove();
            if (bucket.getKey() == cachedStart) {
                cachedStart = Long.MIN_VALUE;
                cached = null;
            }
        }
        return collector.series();
    }

    /** Samples accepted since start. */
    public long samples() {
        return samples;
    }

    public long typeConflicts() {
        return typeConflicts;
    }

    public int openContexts() {
        return buckets.values().stream().mapToInt(Map::size).sum();
    }
}
