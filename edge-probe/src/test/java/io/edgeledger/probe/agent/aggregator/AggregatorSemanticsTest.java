package io.edgeledger.probe.agent.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AggregatorSemanticsTest {
    private static final Context CTX = Context.of("m", "h1", List.of("b:2", "a:1"));

    private static Map<String, MetricSeries> byName(List<MetricSeries> series) {
        return series.stream().collect(Collectors.toMap(MetricSeries::metric, Function.identity()));
    }

    private static double only(MetricSeries s) {
        assertThat(s.points()).hasSize(1);
        return s.points().get(0).value();
    }

    @Test
    void contextIsNameHostAndSortedDedupedTags() {
        assertThat(Context.of("m", "h1", List.of("a:1", "b:2", "a:1"))).isEqualTo(CTX).hasSameHashCodeAs(CTX);
        assertThat(CTX.tags()).containsExactly("a:1", "b:2");
        assertThat(Context.of("m", "h2", List.of("a:1", "b:2"))).isNotEqualTo(CTX);
        assertThat(Context.of("n", "h1", List.of("a:1", "b:2"))).isNotEqualTo(CTX);
        assertThat(Context.of("m", "h1", List.of("a:1"))).isNotEqualTo(CTX);
    }

    @Test
    void gaugeKeepsTheLastValue() {
        CheckSampler s = new CheckSampler(15);
        s.add(MetricType.GAUGE, CTX, 1, 100);
        s.add(MetricType.GAUGE, Context.of("m", "h1", List.of("a:1", "b:2")), 7, 101);
        MetricSeries series = s.commit(110).get(0);
        assertThat(series.type()).isEqualTo("gauge");
        assertThat(series.points()).containsExactly(new MetricPoint(110, 7));
        assertThat(series.tags()).containsExactly("a:1", "b:2");
        assertThat(series.host()).isEqualTo("h1");
        assertThat(s.commit(120)).as("nothing sampled, nothing sent").isEmpty();
    }

    @Test
    void countSumsWithinARun() {
        CheckSampler s = new CheckSampler(15);
        s.add(MetricType.COUNT, CTX, 2, 1);
        s.add(MetricType.COUNT, CTX, 3, 1);
        MetricSeries series = s.commit(5).get(0);
        assertThat(series.type()).isEqualTo("count");
        assertThat(only(series)).isEqualTo(5);
        assertThat(series.interval()).isEqualTo(15);
    }

    @Test
    void rateIsPerSecondBetweenTwoSamplesAndSkipsNegatives() {
        CheckSampler s = new CheckSampler(15);
        s.add(MetricType.RATE, CTX, 100, 1000);
        assertThat(s.commit(1000)).as("one sample is not a rate").isEmpty();
        s.add(MetricType.RATE, CTX, 160, 1015);
        MetricSeries series = s.commit(1015).get(0);
        assertThat(series.type()).isEqualTo("gauge");
        assertThat(only(series)).isEqualTo(4.0);
        s.add(MetricType.RATE, CTX, 10, 1030); // counter went back: no negative rate
        assertThat(s.commit(1030)).isEmpty();
        s.add(MetricType.RATE, CTX, 40, 1045);
        assertThat(only(s.commit(1045).get(0))).isEqualTo(2.0);
    }

    @Test
    void monotonicCountSendsDeltasAndIgnoresResets() {
        CheckSampler s = new CheckSampler(15);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 2, 1);
        assertThat(s.commit(1)).as("the first sample only sets the base").isEmpty();
        s.add(MetricType.MONOTONIC_COUNT, CTX, 3, 2);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 6, 3);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 7, 4);
        MetricSeries first = s.commit(4).get(0);
        assertThat(first.type()).isEqualTo("count");
        assertThat(only(first)).isEqualTo(5);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 10, 5);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 11, 6);
        assertThat(only(s.commit(6).get(0))).isEqualTo(4);
        // reset: 11 -> 3 -> 5; the drop is ignored, counting resumes from the new base
        s.add(MetricType.MONOTONIC_COUNT, CTX, 3, 7);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 5, 8);
        assertThat(only(s.commit(8).get(0))).isEqualTo(2);
        s.add(MetricType.MONOTONIC_COUNT, CTX, 1, 9);
        assertThat(only(s.commit(9).get(0))).as("a reset alone counts zero, never negative").isEqualTo(0);
    }

    @Test
    void histogramSendsMaxMedianAvgCountAndP95() {
        CheckSampler s = new CheckSampler(10);
        for (int v = 1; v <= 100; v++) {
            s.add(MetricType.HISTOGRAM, CTX, 101 - v, 1);
        }
        Map<String, MetricSeries> out = byName(s.commit(50));
        assertThat(out.keySet()).containsExactlyInAnyOrder("m.max", "m.median", "m.avg", "m.count", "m.95percentile");
        assertThat(only(out.get("m.max"))).isEqualTo(100);
        assertThat(only(out.get("m.median"))).isEqualTo(50);
        assertThat(only(out.get("m.avg"))).isEqualTo(50.5);
        assertThat(only(out.get("m.95percentile"))).isEqualTo(95);
        assertThat(out.get("m.count").type()).isEqualTo("rate");
        assertThat(only(out.get("m.count"))).as("count per second over the 10 s interval").isEqualTo(10);
    }

    @Test
    void sampleRatesScaleCountersAndWeighHistograms() {
        TimeSampler t = new TimeSampler(10);
        Context c = Context.of("hits", "h", List.of());
        t.add(c, MetricType.COUNTER, 1, 0.1, 100);
        t.add(c, MetricType.COUNTER, 2, 1.0, 105);
        Context h = Context.of("lat", "h", List.of());
        t.add(h, MetricType.HISTOGRAM, 10, 0.5, 101); // weighs 2
        t.add(h, MetricType.HISTOGRAM, 40, 1.0, 101);
        Context g = Context.of("temp", "h", List.of());
        t.add(g, MetricType.GAUGE, 3, 0.5, 101); // gauges ignore the rate
        Map<String, MetricSeries> out = byName(t.flush(110));
        assertThat(out.get("hits").type()).isEqualTo("rate");
        assertThat(only(out.get("hits"))).as("(1/0.1 + 2) / 10 s").isEqualTo(1.2);
        assertThat(only(out.get("lat.count"))).isEqualTo(0.3);
        assertThat(only(out.get("lat.avg"))).isEqualTo(20.0);
        assertThat(only(out.get("lat.median"))).isEqualTo(10);
        assertThat(only(out.get("temp"))).isEqualTo(3);
    }

    @Test
    void setsCountDistinctMembers() {
        TimeSampler t = new TimeSampler(10);
        Context c = Context.of("users", "h", List.of());
        for (String u : List.of("a", "b", "a", "c", "b")) {
            t.addSetMember(c, u, 100);
        }
        MetricSeries s = t.flush(110).get(0);
        assertThat(s.type()).isEqualTo("gauge");
        assertThat(only(s)).isEqualTo(3);
    }

    @Test
    void tenSecondBucketsFlushOnlyWhenClosedAndStampTheBucketStart() {
        TimeSampler t = new TimeSampler(10);
        Context c = Context.of("hits", "h", List.of("x:y"));
        t.add(c, MetricType.COUNTER, 10, 1, 1000);
        t.add(c, MetricType.COUNTER, 10, 1, 1009);
        t.add(c, MetricType.COUNTER, 30, 1, 1010);
        assertThat(t.flush(1009)).as("bucket [1000,1010) still open").isEmpty();
        MetricSeries s = t.flush(1015).get(0);
        assertThat(s.points()).containsExactly(new MetricPoint(1000, 2.0));
        assertThat(s.interval()).isEqualTo(10);
        MetricSeries next = t.flush(1030).get(0);
        assertThat(next.points()).containsExactly(new MetricPoint(1010, 3.0));
    }

    @Test
    void severalClosedBucketsBecomeOneSeriesWithSeveralPoints() {
        TimeSampler t = new TimeSampler(10);
        Context c = Context.of("g", "h", List.of());
        t.add(c, MetricType.GAUGE, 1, 1, 1000);
        t.add(c, MetricType.GAUGE, 2, 1, 1012);
        List<MetricSeries> out = t.flush(1025);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).points()).containsExactly(new MetricPoint(1000, 1), new MetricPoint(1010, 2));
    }

    @Test
    void aTypeConflictIsCountedNotMixed() {
        TimeSampler t = new TimeSampler(10);
        Context c = Context.of("x", "h", List.of());
        t.add(c, MetricType.GAUGE, 1, 1, 1000);
        t.add(c, MetricType.COUNTER, 5, 1, 1000);
        assertThat(t.typeConflicts()).isEqualTo(1);
        assertThat(only(t.flush(1010).get(0))).isEqualTo(1);
    }

    @Test
    void aggregatorFlushHandsOutCheckSeriesAndClosedBuckets() {
        Aggregator agg = new Aggregator();
        CheckSampler s = new CheckSampler(15);
        s.add(MetricType.GAUGE, CTX, 1, 100);
        agg.addCheckSeries(s.commit(100));
        synchronized (agg.dogstatsdLock()) {
            agg.dogstatsd().add(Context.of("d", "h", List.of()), MetricType.GAUGE, 2, 1, 100);
        }
        assertThat(agg.flush(105)).extracting(MetricSeries::metric).containsExactly("m");
        assertThat(agg.flush(110)).extracting(MetricSeries::metric).containsExactly("d");
        assertThat(agg.flush(200)).isEmpty();
        assertThat(agg.flushedSeries()).isEqualTo(2);
    }
}
