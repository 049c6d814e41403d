package io.edgeledger.probe.agent.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.build.Version;
import io.edgeledger.probe.agent.aggregator.Aggregator;
import io.edgeledger.probe.agent.aggregator.CheckSampler;
import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.CheckCatalog;
import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.checks.devlog.DevlogCheck;
import io.edgeledger.probe.agent.checks.networkpath.PathTracer;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.custom.CustomChecks;
import io.edgeledger.probe.agent.jobs.JobPoller;
import io.edgeledger.probe.agent.runner.CheckRunner;
import io.edgeledger.probe.agent.runner.RunReport;
import io.edgeledger.probe.agent.runner.RunStatus;
import io.edgeledger.probe.agent.scheduler.Scheduler;
import io.edgeledger.probe.datadog.DatadogShipper;
import io.edgeledger.probe.dogstatsd.DogStatsdServer;
import io.edgeledger.probe.dogstatsd.DogStatsdStats;
import io.edgeledger.probe.forwarder.Backoff;
import io.edgeledger.probe.forwarder.Forwarder;
import io.edgeledger.probe.forwarder.ForwarderConfig;
import io.edgeledger.probe.forwarder.ForwarderStats;
import io.edgeledger.probe.health.HealthServer;
import io.edgeledger.wire.AgentEventsPayload;
import io.edgeledger.wire.BatchIds;
import io.edgeledger.wire.CheckRun;
import io.edgeledger.wire.CheckRunsPayload;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running probe: configured checks on the scheduler and runners, DogStatsD, the aggregator flushed every 15 s,
 * the forwarder, backend jobs and the localhost health endpoint. Built from an {@link AgentConfig}; everything that
 * can be refused (secret file, ports, spool) is refused in {@link #start} with a message naming the setting.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentConfig config;
    private final Clock clock;
    private final Aggregator aggregator = new Aggregator();
    private final Map<String, CheckSampler> samplers = new ConcurrentHashMap<>();
    private final Map<String, CheckStats> stats = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CheckRun> pendingRuns = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("aggregator-flush").daemon().unstarted(r));
    private final Instant startedAt;
    private final PathTracer tracer;
    private final CustomChecks custom;
    private Forwarder forwarder;
    private DatadogShipper datadog;
    private CheckRunner runner;
    private Scheduler scheduler;
    private DogStatsdServer dogstatsd;
    private HealthServer health;
    private JobPoller jobs;
    private CheckCatalog.Loaded loaded;

    public Agent(AgentConfig config, PathTracer tracer, Clock clock) {
        this(config, tracer, clock, CustomChecks.none());
    }

    /** With the custom checks found in checks.d (discovered before the config was loaded: conf.d may name them). */
    public Agent(AgentConfig config, PathTracer tracer, Clock clock, CustomChecks custom) {
        this.custom = custom;
        this.config = config;
        this.tracer = tracer;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public Agent start() throws ConfigException, IOException {
        if (!config.forwardingConfigured()) {
            throw new ConfigException(config.directory().resolve(AgentConfig.FILE), 0, "backend_url",
                    "is required to run the agent (edge-probe check works without it)");
        }
        String secret;
        try {
            secret = Files.readString(config.secretFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(config.directory().resolve(AgentConfig.FILE), 0, "secret_file",
                    "cannot read " + config.secretFile() + ": " + e.getMessage());
        }
        if (secret.isEmpty()) {
            throw new ConfigException(config.directory().resolve(AgentConfig.FILE), 0, "secret_file",
                    config.secretFile() + " is empty");
        }
        ForwarderConfig fc = new ForwarderConfig(config.backendUrl(), config.probeId(), secret, config.caBundle(),
                config.spoolDir(), config.spoolMaxBytes(), Backoff.DEFAULT);
        forwarder = new Forwarder(fc, clock).start();
        if (config.datadog().enabled()) {
            datadog = new DatadogShipper(config.datadog(), config.spoolDir(), Backoff.DEFAULT).start();
        }

        CheckCatalog catalog = BuiltInChecks.catalog(tracer, config.spoolDir(), forwarder::submit);
        custom.registerIn(catalog);
        custom.problems().forEach(p -> LOG.warn("custom check: {}", p));
        loaded = catalog.load(config.checks());
        loaded.disabled().forEach(d -> LOG.warn("instance disabled: {}", d.reason()));

        runner = new CheckRunner(config.checkRunners(), clock::millis, this::senderFor, this::onRun);
        scheduler = new Scheduler(runner);
        loaded.checks().forEach(scheduler::enter);

        if (config.dogstatsdPort() > 0) {
            dogstatsd = new DogStatsdServer(new InetSocketAddress(config.dogstatsdBind(), config.dogstatsdPort()),
                    aggregator, config.hostname(), () -> clock.millis() / 1000).start();
        }
        if (config.healthPort() > 0) {
            health = new HealthServer(new InetSocketAddress(config.healthBind(), config.healthPort()), this::prometheus,
                    () -> status().toPrettyString()).start();
        }
        if (config.jobsEnabled()) {
            jobs = new JobPoller(forwarder.client(), tracer, forwarder::submit, config.jobsWaitSeconds(),
                    Backoff.DEFAULT).start();
        }
        long period = Aggregator.FLUSH_INTERVAL_SECONDS;
        flusher.scheduleAtFixedRate(this::flushSafely, period, period, TimeUnit.SECONDS);
        scheduler.start(clock::millis);
        LOG.info("edge-probe agent started: {} check instance(s), {} disabled, forwarding to {}",
                loaded.checks().size(), loaded.disabled().size(), config.backendUrl());
        return this;
    }

    private AgentSender senderFor(Check check) {
        CheckSampler sampler = samplers.computeIfAbsent(check.id(), id -> new CheckSampler(check.interval().toSeconds()));
        return new AgentSender(check, sampler, config.hostname(), config.probeId(), aggregator::addCheckSeries,
                forwarder::submit, clock::millis, aggregator::addServiceCheck, aggregator::addEvent);
    }

    private void onRun(RunReport r) {
        stats.computeIfAbsent(r.check().id(), id -> new CheckStats()).record(r);
        if (r.status() == RunStatus.ERROR || r.status() == RunStatus.TIMEOUT) {
            LOG.warn("check {} {}: {}", r.check().id(), r.status().wireName(), r.error());
        }
        pendingRuns.add(new CheckRun(r.check().name(), r.check().id(), r.status().wireName(),
                r.startedEpochMillis() / 1000, r.durationMillis(), r.error(), r.warnings(), r.check().tags()));
        ServiceCheck canRun = CanRun.of(r, config.hostname());
        if (canRun != null) {
            aggregator.addServiceCheck(canRun);
        }
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("flush failed: {}", e.toString());
        }
    }

    /** One aggregator flush: series (global tags added) and the check runs since the last flush go to the forwarder. */
    public void flush() {
        List<MetricSeries> series = new ArrayList<>(aggregator.flush(clock.millis() / 1000));
        series.addAll(selfReport());
        flush(series);
    }

    private void flush(List<MetricSeries> series) {
        if (!series.isEmpty()) {
            List<MetricSeries> tagged = new ArrayList<>(series.size());
            for (MetricSeries s : series) {
                List<String> tags = new ArrayList<>(s.tags());
                config.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
                tagged.add(new MetricSeries(s.metric(), s.points(), tags, s.host(), s.type(), s.interval()));
            }
            forwarder.submit(new MetricsPayload(BatchIds.newBatchId(), config.probeId(), tagged));
            if (datadog != null) {
                datadog.series(tagged);
            }
        }
        List<CheckRun> runs = new ArrayList<>();
        for (CheckRun r; (r = pendingRuns.poll()) != null; ) {
            runs.add(r);
        }
        long now = clock.millis() / 1000;
        List<ServiceCheck> serviceChecks = aggregator.flushServiceChecks().stream()
                .map(sc -> sc.withDefaults(config.hostname(), now, config.tags())).toList();
        serviceChecks.forEach(sc -> runs.add(ToWire.checkRun(sc, config.hostname())));
        List<Event> events = aggregator.flushEvents().stream()
                .map(e -> e.withDefaults(config.hostname(), now, config.tags())).toList();
        if (!events.isEmpty()) {
            forwarder.submit(new AgentEventsPayload(BatchIds.newBatchId(), config.probeId(),
                    events.stream().map(ToWire::event).toList()));
        }
        if (datadog != null) {
            datadog.serviceChecks(serviceChecks);
            datadog.events(events);
        }
        if (!runs.isEmpty()) {
            forwarder.submit(new CheckRunsPayload(BatchIds.newBatchId(), config.probeId(), runs));
        }
    }

    /**
     * The agent's own gauges, folded by the API into its probe view: {@code edge_probe.running} tagged with the version
     * (as Datadog's {@code datadog.agent.running}) and the forwarder's backlog as this flush sees it.
     */
    private List<MetricSeries> selfReport() {
        long now = clock.millis();
        ForwarderStats f = forwarder.stats();
        List<MetricSeries> own = new ArrayList<>();
        own.add(selfGauge("edge_probe.running", now, 1, List.of("version:" + Version.current())));
        own.add(selfGauge("edge_probe.forwarder.pending", now, f.pending(), List.of()));
        own.add(selfGauge("edge_probe.forwarder.spool_bytes", now, f.spoolBytes(), List.of()));
        own.add(selfGauge("edge_probe.forwarder.oldest_pending_age", now, forwarder.backlogAgeSeconds(now), List.of()));
        own.add(selfGauge("edge_probe.forwarder.dropped", now, f.dropped(), List.of()));
        return own;
    }

    private MetricSeries selfGauge(String metric, long nowMillis, double value, List<String> tags) {
        return new MetricSeries(metric, List.of(new MetricPoint(nowMillis / 1000, value)), tags, config.hostname(), "gauge",
                Aggregator.FLUSH_INTERVAL_SECONDS);
    }

    public void submit(IngestPayload payload) {
        forwarder.submit(payload);
    }

    /** The JSON behind {@code edge-probe status} and {@code GET /status}. */
    public ObjectNode status() {
        ObjectNode root = ProbeJson.mapper().createObjectNode();
        root.put("probe_id", config.probeId());
        root.put("hostname", config.hostname());
        root.put("started_at", startedAt.toString());
        root.put("config_dir", config.directory().toString());
        ArrayNode checks = root.putArray("checks");
        for (Check c : loaded.checks()) {
            ObjectNode n = checks.addObject();
            n.put("name", c.name());
            n.put("id", c.id());
            n.put("interval_s", c.interval().toSeconds());
            n.put("running", runner.isRunning(c.id()));
            CheckStats s = stats.get(c.id());
            RunReport last = s == null ? null : s.last();
            if (last != null) {
                n.put("last_status", last.status().wireName());
                n.put("last_run", Instant.ofEpochMilli(last.startedEpochMillis()).toString());
                n.put("last_duration_ms", last.durationMillis());
            }
            RunReport err = s == null ? null : s.lastError();
            if (err != null) {
                n.put("last_error", err.error());
                n.put("last_error_at", Instant.ofEpochMilli(err.startedEpochMillis()).toString());
            }
            ObjectNode totals = n.putObject("totals");
            if (s != null) {
                s.totals().forEach((k, v) -> totals.put(k.wireName(), v));
            }
            ArrayNode warnings = n.putArray("warnings");
            c.warnings().forEach(warnings::add);
        }
        ArrayNode disabled = root.putArray("disabled_instances");
        for (CheckCatalog.DisabledInstance d : loaded.disabled()) {
            ObjectNode n = disabled.addObject();
            n.put("check", d.check());
            n.put("instance", d.instancePath());
            n.put("warning", d.reason());
        }
        ForwarderStats f = forwarder.stats();
        ObjectNode fw = root.putObject("forwarder");
        fw.put("backend", config.backendUrl().toString());
        fw.put("submitted", f.submitted());
        fw.put("delivered", f.delivered());
        fw.put("retries", f.retries());
        fw.put("dead_lettered", f.deadLettered());
        fw.put("queue", f.pending());
        fw.put("spool_bytes", f.spoolBytes());
        fw.put("spool_dropped", f.dropped());
        fw.put("last_error", f.lastError());
        ObjectNode ds = root.putObject("dogstatsd");
        ds.put("enabled", dogstatsd != null);
        if (dogstatsd != null) {
            DogStatsdStats d = dogstatsd.stats();
            ds.put("port", dogstatsd.port());
            ds.put("packets", d.packets());
            ds.put("metrics", d.metrics());
            ds.put("malformed", d.malformed());
            ds.put("events", d.events());
            ds.put("service_checks", d.serviceChecks());
            ds.put("type_conflicts", d.typeConflicts());
            ds.put("contexts", d.contexts());
        }
        ObjectNode cc = root.putObject("custom_checks");
        custom.jars().forEach(cc.putArray("jars")::add);
        custom.problems().forEach(cc.putArray("problems")::add);
        ObjectNode dd = root.putObject("datadog");
        dd.put("enabled", datadog != null);
        if (datadog != null) {
            dd.put("oversized_dropped", datadog.oversized());
            ArrayNode eps = dd.putArray("endpoints");
            datadog.stats().forEach(e -> DatadogMetrics.status(eps.addObject(), e));
        }
        ObjectNode agg = root.putObject("aggregator");
        agg.put("flushed_series", aggregator.flushedSeries());
        agg.put("dropped_events_and_service_checks", aggregator.droppedEventsAndServiceChecks());
        if (jobs != null) {
            ObjectNode j = root.putObject("jobs");
            j.put("received", jobs.jobsReceived());
            j.put("failed_polls", jobs.failedPolls());
            j.put("last_error", jobs.lastError());
        }
        return root;
    }

    /** Prometheus text for {@code /metrics}. */
    public String prometheus() {
        StringBuilder sb = new StringBuilder();
        ForwarderStats f = forwarder.stats();
        gauge(sb, "edge_probe_up", "1 while the probe runs", 1);
        gauge(sb, "edge_probe_checks_configured", "check instances scheduled", loaded.checks().size());
        gauge(sb, "edge_probe_checks_disabled", "check instances disabled by a config error", loaded.disabled().size());
        sb.append("# HELP edge_probe_check_runs_total check runs by outcome\n# TYPE edge_probe_check_runs_total counter\n");
        for (Check c : loaded.checks()) {
            CheckStats s = stats.get(c.id());
            if (s != null) {
                s.totals().forEach((k, v) -> sb.append("edge_probe_check_runs_total{check=\"").append(c.name())
                        .append("\",id=\"").append(c.id()).append("\",status=\"").append(k.wireName()).append("\"} ")
                        .append(v).append('\n'));
            }
        }
        counter(sb, "edge_probe_forwarder_submitted_total", "batches spooled for sending", f.submitted());
        counter(sb, "edge_probe_forwarder_delivered_total", "batches acknowledged by the backend", f.delivered());
        counter(sb, "edge_probe_forwarder_retries_total", "failed sends retried", f.retries());
        counter(sb, "edge_probe_forwarder_dead_letters_total", "batches refused as invalid", f.deadLettered());
        counter(sb, "edge_probe_forwarder_spool_dropped_total", "batches dropped by the spool size cap", f.dropped());
        gauge(sb, "edge_probe_forwarder_queue_batches", "batches waiting in the spool", f.pending());
        gauge(sb, "edge_probe_forwarder_spool_bytes", "bytes on disk in the spool", f.spoolBytes());
        if (datadog != null) {
            DatadogMetrics.append(sb, datadog.stats());
        }
        counter(sb, "edge_probe_aggregator_series_flushed_total", "series flushed", aggregator.flushedSeries());
        counter(sb, "edge_probe_aggregator_dropped_events_and_service_checks_total",
                "events and service checks dropped: too many waiting for one flush",
                aggregator.droppedEventsAndServiceChecks());
        if (dogstatsd != null) {
            DogStatsdStats d = dogstatsd.stats();
            counter(sb, "edge_probe_dogstatsd_packets_total", "datagrams received", d.packets());
            counter(sb, "edge_probe_dogstatsd_metrics_total", "metric samples parsed", d.metrics());
            counter(sb, "edge_probe_dogstatsd_malformed_total", "lines skipped as malformed", d.malformed());
            counter(sb, "edge_probe_dogstatsd_events_total", "events parsed", d.events());
            counter(sb, "edge_probe_dogstatsd_service_checks_total", "service checks parsed", d.serviceChecks());
        }
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, double v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(v).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, double v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(v).append('\n');
    }

    public int dogstatsdPort() {
        return dogstatsd == null ? 0 : dogstatsd.port();
    }

    public int healthPort() {
        return health == null ? 0 : health.port();
    }

    @Override
    public void close() throws IOException {
        if (scheduler != null) {
            scheduler.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (loaded != null) {
            for (Check c : loaded.checks()) {
                if (c instanceof DevlogCheck d) {
                    d.stop();
                }
            }
        }
        if (dogstatsd != null) {
            dogstatsd.close();
        }
        flusher.shutdownNow();
        if (forwarder != null) {
            // open DogStatsD buckets too (dogstatsd_flush_incomplete_buckets): a restart or upgrade loses nothing
            flush(aggregator.flushIncomplete());
            forwarder.close();
        }
        if (datadog != null) {
            datadog.close();
        }
        if (health != null) {
            health.close();
        }
    }
}
