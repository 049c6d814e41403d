package io.edgeledger.probe.agent.aggregator;

import java.util.Arrays;

/**
 * Datadog's default histogram aggregates: {@code .max}, {@code .median}, {@code .avg}, {@code .count} (a per-second
 * rate over the interval) and {@code .95percentile}. A sample sent at rate r weighs 1/r, so sampled clients still
 * get right counts, averages and percentiles.
 */
final class Histogram extends MetricState {
    private final long interval;
    private double[] values = new double[8];
    private long[] weights = new long[8];
    private int size;
    private double sum;
    private long count;

    Histogram(long interval) {
        this.interval = Math.max(1, interval);
    }

    @Override
    void add(double v, double rate, double ts) {
        long weight = Math.max(1, (long) (1 / rate));
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        values[size] = v;
        weights[size] = weight;
        size++;
        sum += v * weight;
        count += weight;
    }

    @Override
    void flush(SeriesSink out) {
        if (size == 0) {
            return;
        }
        sortByValue();
        out.emit(".max", GAUGE, values[size - 1]);
        out.emit(".median", GAUGE, weightedRank((count - 1) / 2));
        out.emit(".avg", GAUGE, sum / count);
        out.emit(".count", RATE, (double) count / interval);
        out.emit(".95percentile", GAUGE, weightedRank((95 * count - 1) / 100));
        size = 0;
        sum = 0;
        count = 0;
    }

    /** The smallest value whose cumulative weight exceeds {@code target}. */
    private double weightedRank(long target) {
        long cumulative = 0;
        for (int i = 0; i < size; i++) {
            cumulative += weights[i];
            if (cumulative > target) {
                return values[i];
            }
        }
        return values[size - 1];
    }

    private void sortByValue() {
        if (count == size) { // unsampled: every weight is 1, a primitive sort will do
            Arrays.sort(values, 0, size);
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] v = new double[values.length];
        long[] w = new long[weights.length];
        for (int i = 0; i < size; i++) {
            v[i] = values[order[i]];
            w[i] = weights[order[i]];
        }
        values = v;
        weights = w;
    }
}
