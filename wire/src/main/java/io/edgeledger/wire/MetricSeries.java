package io.edgeledger.wire;

import java.util.List;

/**
 * One flushed series, in Datadog's shape: {@code {metric, points: [[ts, value]], tags, host, type, interval}}.
 * {@code type} is {@code gauge}, {@code count} or {@code rate}; {@code interval} is the flush interval in seconds
 * (the unit of a count/rate point).
 */
public record MetricSeries(String metric, List<MetricPoint> points, List<String> tags, String host, String type,
        long interval) {
    public MetricSeries {
        points = List.copyOf(points);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
