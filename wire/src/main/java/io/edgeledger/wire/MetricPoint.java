package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One {@code [ts, value]} pair of a series, as Datadog's series API writes it: unix seconds, then the value. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"timestamp", "value"})
public record MetricPoint(long timestamp, double value) {}
