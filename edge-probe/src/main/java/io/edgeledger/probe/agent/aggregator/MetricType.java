package io.edgeledger.probe.agent.aggregator;

/**
 * How samples of one context combine between flushes, as in Datadog's pkg/metrics. {@link #COUNTER} is DogStatsD's
 * {@code |c} (sum of value/sample-rate, sent as a per-second rate); {@link #COUNT} is a check's {@code count}
 * (sum, sent as a count). DogStatsD {@code |ms} and {@code |d} aggregate as {@link #HISTOGRAM}.
 */
public enum MetricType {
    GAUGE,
    COUNT,
    COUNTER,
    RATE,
    MONOTONIC_COUNT,
    HISTOGRAM,
    SET
}
