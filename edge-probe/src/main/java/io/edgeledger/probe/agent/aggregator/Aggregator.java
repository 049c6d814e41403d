package io.edgeledger.probe.agent.aggregator;

import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.wire.MetricSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where all metrics meet before leaving (Datadog's demultiplexer): committed check series wait in a queue, DogStatsD
 * samples in the {@link TimeSampler}; {@link #flush} (every 15 s in the agent) hands both out as one list of series.
 */
public final class Aggregator {
    public static final long FLUSH_INTERVAL_SECONDS = 15;
    public static final long DOGSTATSD_BUCKET_SECONDS = 10;

    private final TimeSampler dogstatsd = new TimeSampler(DOGSTATSD_BUCKET_SECONDS);
    private final ConcurrentLinkedQueue<MetricSeries> checkSeries = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServiceCheck> serviceChecks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicLong flushedSeries = new AtomicLong();

    /** The DogStatsD sampler; callers must hold {@link #dogstatsdLock()} while using it. */
    public TimeSampler dogstatsd() {
        return dogstatsd;
    }

    public Object dogstatsdLock() {
        return dogstatsd;
    }

    public void addCheckSeries(List<MetricSeries> series) {
        checkSeries.addAll(series);
    }

    /** Service checks and events are not aggregated (as in Datadog): they wait here for the next flush. */
    public void addServiceCheck(ServiceCheck check) {
        serviceChecks.add(check);
    }

    public void addEvent(Event event) {
        events.add(event);
    }

    public List<ServiceCheck> flushServiceChecks() {
        return drain(serviceChecks);
    }

    public List<Event> flushEvents() {
        return drain(events);
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            out.add(t);
        }
        return out;
    }

    /** Everything ready at {@code nowSeconds}: committed check series and closed DogStatsD buckets. */
    public List<MetricSeries> flush(long nowSeconds) {
        List<MetricSeries> out = drain(checkSeries);
        synchronized (dogstatsd) {
            out.addAll(dogstatsd.flush(nowSeconds));
        }
        flushedSeries.addAndGet(out.size());
        return out;
    }

    /**
     * Everything, open DogStatsD buckets included (Datadog's {@code dogstatsd_flush_incomplete_buckets}): used at
     * shutdown so samples of the current bucket reach the spool instead of dying with the process.
     */
    public List<MetricSeries> flushIncomplete() {
        return flush(Long.MAX_VALUE - DOGSTATSD_BUCKET_SECONDS);
    }

    public long flushedSeries() {
        return flushedSeries.get();
    }

    public long dogstatsdSamples() {
        synchronized (dogstatsd) {
            return dogstatsd.samples();
        }
    }
}
