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
    /**
     * Service checks, and events, that may wait for one flush; more are dropped and counted. Unlike metrics they are
     * not aggregated, so a flood (a client logging an event per request) must not grow the heap without bound.
     */
    public static final int MAX_PENDING = 100_000;

    private final TimeSampler dogstatsd = new TimeSampler(DOGSTATSD_BUCKET_SECONDS);
    private final ConcurrentLinkedQueue<MetricSeries> checkSeries = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServiceCheck> serviceChecks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicLong flushedSeries = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger pendingServiceChecks = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger pendingEvents = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

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
        if (pendingServiceChecks.incrementAndGet() > MAX_PENDING) {
            pendingServiceChecks.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        serviceChecks.add(check);
    }

    public void addEvent(Event event) {
        if (pendingEvents.incrementAndGet() > MAX_PENDING) {
            pendingEvents.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        events.add(event);
    }

    public List<ServiceCheck> flushServiceChecks() {
        List<ServiceCheck> out = drain(serviceChecks);
        pendingServiceChecks.addAndGet(-out.size());
        return out;
    }

    public List<Event> flushEvents() {
        List<Event> out = drain(events);
        pendingEvents.addAndGet(-out.size());
        return out;
    }

    /** Service checks and events dropped because {@link #MAX_PENDING} were already waiting. */
    public long droppedEventsAndServiceChecks() {
        return dropped.get();
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
