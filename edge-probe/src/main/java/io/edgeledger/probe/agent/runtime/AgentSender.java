package io.edgeledger.probe.agent.runtime;

import io.edgeledger.probe.agent.aggregator.CheckSampler;
import io.edgeledger.probe.agent.aggregator.Context;
import io.edgeledger.probe.agent.aggregator.MetricType;
import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.probe.agent.runner.RunSender;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.MetricSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A check's sender: samples go to the check's own {@link CheckSampler}, committed series and payloads onwards;
 * service checks and events go straight to the aggregator with the check's host and tags.
 */
public final class AgentSender implements RunSender {
    private final CheckSampler sampler;
    private final String hostname;
    private final List<String> checkTags;
    private final String probeId;
    private final Consumer<List<MetricSeries>> committed;
    private final Consumer<IngestPayload> payloads;
    private final LongSupplier nowMillis;
    private final Consumer<ServiceCheck> serviceChecks;
    private final Consumer<Event> events;

    public AgentSender(Check check, CheckSampler sampler, String hostname, String probeId,
            Consumer<List<MetricSeries>> committed, Consumer<IngestPayload> payloads, LongSupplier nowMillis,
            Consumer<ServiceCheck> serviceChecks, Consumer<Event> events) {
        this.serviceChecks = serviceChecks;
        this.events = events;
        this.sampler = sampler;
        this.hostname = hostname;
        this.checkTags = check.tags();
        this.probeId = probeId;
        this.committed = committed;
        this.payloads = payloads;
        this.nowMillis = nowMillis;
    }

    private void add(MetricType type, String metric, double value, List<String> tags) {
        List<String> all = new ArrayList<>(checkTags);
        if (tags != null) {
            all.addAll(tags);
        }
        sampler.add(type, Context.of(metric, hostname, all), value, nowMillis.getAsLong() / 1000.0);
    }

    @Override
    public void gauge(String metric, double value, List<String> tags) {
        add(MetricType.GAUGE, metric, value, tags);
    }

    @Override
    public void count(String metric, double value, List<String> tags) {
        add(MetricType.COUNT, metric, value, tags);
    }

    @Override
    public void rate(String metric, double value, List<String> tags) {
        add(MetricType.RATE, metric, value, tags);
    }

    @Override
    public void monotonicCount(String metric, double value, List<String> tags) {
        add(MetricType.MONOTONIC_COUNT, metric, value, tags);
    }

    @Override
    public void histogram(String metric, double value, List<String> tags) {
        add(MetricType.HISTOGRAM, metric, value, tags);
    }

    @Override
    public void serviceCheck(String name, int status, List<String> tags, String message) {
        long now = nowMillis.getAsLong() / 1000;
        serviceChecks.accept(new ServiceCheck(name, status, now, hostname, tags, message)
                .withDefaults(hostname, now, checkTags));
    }

    @Override
    public void event(Event event) {
        events.accept(event.withDefaults(hostname, nowMillis.getAsLong() / 1000, checkTags));
    }

    @Override
    public void submit(IngestPayload payload) {
        payloads.accept(payload);
    }

    @Override
    public String probeId() {
        return probeId;
    }

    @Override
    public void commit(long epochSeconds) {
        List<MetricSeries> series = sampler.commit(epochSeconds);
        if (!series.isEmpty()) {
            committed.accept(series);
        }
    }
}
