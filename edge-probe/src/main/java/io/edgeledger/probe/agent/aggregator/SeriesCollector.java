package io.edgeledger.probe.agent.aggregator;

import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers flushed values into one series per (metric name, context, type), points in time order. */
final class SeriesCollector {
    private record Key(String metric, Context context, String type) {}

    private final Map<Key, List<MetricPoint>> points = new LinkedHashMap<>();
    private final long interval;

    SeriesCollector(long interval) {
        this.interval = interval;
    }

    void flush(Context context, MetricState state, long timestamp) {
        state.flush((suffix, type, value) -> {
            if (Double.isFinite(value)) {
                points.computeIfAbsent(new Key(context.name() + suffix, context, type), k -> new ArrayList<>())
                        .add(new MetricPoint(timestamp, value));
            }
        });
    }

    List<MetricSeries> series() {
        List<MetricSeries> out = new ArrayList<>(points.size());
        points.forEach((k, pts) -> out.add(
                new MetricSeries(k.metric(), pts, k.context().tags(), k.context().host(), k.type(), interval)));
        return out;
    }
}
