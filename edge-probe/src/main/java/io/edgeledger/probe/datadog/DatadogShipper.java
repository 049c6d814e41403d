package io.edgeledger.probe.datadog;

import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.probe.agent.config.DatadogConfig;
import io.edgeledger.probe.forwarder.Backoff;
import io.edgeledger.wire.MetricSeries;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Dual-shipping: what the agent flushes to EdgeLedger is also written, in Datadog's formats, to every configured
 * Datadog endpoint's own spool ({@code <spool_dir>/datadog/<n>}). Bodies are built and compressed once and shared.
 */
public final class DatadogShipper implements AutoCloseable {
    private final List<DatadogEndpoint> endpoints = new ArrayList<>();
    private final DatadogPayloads payloads;
    private final HttpClient http;

    public DatadogShipper(DatadogConfig config, Path spoolDir, Backoff backoff) {
        this.payloads = new DatadogPayloads("zstd".equals(config.compression()));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        int n = 0;
        for (DatadogConfig.Endpoint e : config.endpoints()) {
            endpoints.add(new DatadogEndpoint(e, spoolDir.resolve("datadog").resolve(Integer.toString(n++)),
                    config.spoolMaxBytes(), backoff, http));
        }
    }

    public DatadogShipper start() {
        endpoints.forEach(DatadogEndpoint::start);
        return this;
    }

    public void series(List<MetricSeries> series) {
        if (!series.isEmpty()) {
            ship(payloads.series(series));
        }
    }

    public void serviceChecks(List<ServiceCheck> checks) {
        if (!checks.isEmpty()) {
            ship(payloads.serviceChecks(checks));
        }
    }

    public void events(List<Event> events) {
        if (!events.isEmpty()) {
            ship(payloads.events(events));
        }
    }

    private void ship(List<DatadogRequest> requests) {
        for (DatadogEndpoint e : endpoints) {
            requests.forEach(e::submit);
        }
    }

    public List<DatadogStats> stats() {
        return endpoints.stream().map(DatadogEndpoint::stats).toList();
    }

    /** Items too large for any single request (dropped, counted). */
    public long oversized() {
        return payloads.oversized();
    }

    @Override
    public void close() throws IOException {
        for (DatadogEndpoint e : endpoints) {
            e.close();
        }
        http.close();
    }
}
