package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/**
 * One flushed series, in Datadog's shape: {@code {metric, points: [[ts, value]], tags, host, type, interval}}.
 * {@code type} is {@code gauge}, {@code count} or {@code rate}; {@code interval} is the flush interval in seconds
 * (the unit of a count/rate point).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricSeries(String metric, List<MetricPoint> points, List<String> tags, String host, String type,
        long interval) {
    public static final Set<String> TYPES = Set.of("gauge", "count", "rate");

    public MetricSeries {
        Fields.required("metric", metric);
        Fields.oneOf("type", type, TYPES);
        tags = Fields.tags("tags", tags);
        if (interval < 0) {
            throw new InvalidFieldException("interval", "must not be negative");
        }
        points = Fields.items("points", points);
    }
}
