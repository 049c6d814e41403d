package io.edgeledger.probe.agent.aggregator;

import java.util.HashSet;
import java.util.Set;

/** The running aggregate of one context between flushes. One small class per type, like Datadog's pkg/metrics. */
abstract class MetricState {
    static final String GAUGE = "gauge";
    static final String COUNT = "count";
    static final String RATE = "rate";

    abstract void add(double value, double sampleRate, double timestamp);

    /** Emits zero or more values and resets what is per-interval; keeps what must survive (previous samples). */
    abstract void flush(SeriesSink out);

    /** Whether the state must be kept between flushes even when nothing was sampled (rate, monotonic_count). */
    boolean stateful() {
        return false;
    }

    void addString(String member) {
        throw new IllegalStateException("only sets take string members");
    }

    static MetricState create(MetricType type, long intervalSeconds) {
        return switch (type) {
            case GAUGE -> new Gauge();
            case COUNT -> new Count();
            case COUNTER -> new Counter(intervalSeconds);
            case RATE -> new Rate();
            case MONOTONIC_COUNT -> new MonotonicCount();
            case HISTOGRAM -> new Histogram(intervalSeconds);
            case SET -> new SetState();
        };
    }

    /** Last value wins. */
    static final class Gauge extends MetricState {
        private double value;
        private boolean sampled;

        @Override
        void add(double v, double rate, double ts) {
            value = v;
            sampled = true;
        }

        @Override
        void flush(SeriesSink out) {
            if (sampled) {
                out.emit("", GAUGE, value);
            }
            sampled = false;
        }
    }

    /**
     * A sum over the interval, emitted as {@code type} (divided by {@code divisor}) only when something was sampled, then
     * reset: count, counter and monotonic_count.
     */
    abstract static class IntervalSum extends MetricState {
        private final String type;
        private final double divisor;
        double value;
        boolean sampled;

        IntervalSum(String type, double divisor) {
            this.type = type;
            this.divisor = divisor;
        }

        @Override
        void flush(SeriesSink out) {
            if (sampled) {
                out.emit("", type, value / divisor);
            }
            value = 0;
            sampled = false;
        }
    }

    /** Sum of the values of the interval (checks' count). */
    static final class Count extends IntervalSum {
        Count() {
            super(COUNT, 1);
        }

        @Override
        void add(double v, double rate, double ts) {
            value += v;
            sampled = true;
        }
    }

    /** DogStatsD counter: sum of value / sample rate, sent as a per-second rate over the bucket interval. */
    static final class Counter extends IntervalSum {
        Counter(long interval) {
            super(RATE, Math.max(1, interval));
        }

        @Override
        void add(double v, double rate, double ts) {
            value += v / rate;
            sampled = true;
        }
    }

    /**
     * Per-second rate from the last two samples, sent as a gauge. A negative rate (counter reset) or two samples at the
     * same second give nothing, as in Datadog.
     */
    static final class Rate extends MetricState {
        private double previousValue;
        private double previousTs = Double.NaN;
        private double value;
        private double ts = Double.NaN;

        @Override
        void add(double v, double rate, double timestamp) {
            if (!Double.isNaN(ts)) {
                previousValue = value;
                previousTs = ts;
            }
            value = v;
            ts = timestamp;
        }

        @Override
        void flush(SeriesSink out) {
            if (!Double.isNaN(previousTs) && ts > previousTs) {
                double perSecond = (value - previousValue) / (ts - previousTs);
                if (perSecond >= 0) {
                    out.emit("", GAUGE, perSecond);
                }
            }
            // the last sample becomes the base of the next interval
            previousValue = value;
            previousTs = ts;
            ts = Double.NaN;
        }

        @Override
        boolean stateful() {
            return true;
        }
    }

    /**
     * Delta of a raw, ever-increasing counter, sent as a count. A sample lower than the previous one means the counter
     * was reset: the drop is ignored (never a negative count) and the new value becomes the base.
     */
    static final class MonotonicCount extends IntervalSum {
        private double previous = Double.NaN;

        MonotonicCount() {
            super(COUNT, 1);
        }

        @Override
        void add(double v, double rate, double ts) {
            if (!Double.isNaN(previous)) {
                double diff = v - previous;
                if (diff >= 0) {
                    value += diff;
                }
                sampled = true;
            }
            previous = v;
        }

        @Override
        boolean stateful() {
            return true;
        }
    }

    /** Distinct members seen in the interval, sent as a gauge. */
    static final class SetState extends MetricState {
        private final Set<String> members = new HashSet<>();

        @Override
        void add(double v, double rate, double ts) {
            addString(Double.toString(v));
        }

        @Override
        void addString(String member) {
            members.add(member);
        }

        @Override
        void flush(SeriesSink out) {
            if (!members.isEmpty()) {
                out.emit("", GAUGE, members.size());
            }
            members.clear();
        }
    }
}
