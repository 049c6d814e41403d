package io.edgeledger.probe.agent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.agent.aggregator.CheckSampler;
import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.CheckCatalog;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.custom.CustomChecks;
import io.edgeledger.probe.agent.checks.devlog.DevlogCheck;
import io.edgeledger.probe.agent.checks.networkpath.PathTracer;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.CheckConfig;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.probe.json.ProbeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code edge-probe check NAME}: configures the named check's instances and runs each once (twice with a pause for
 * {@code times = 2}, so rates and CPU have two samples, like Datadog's {@code --check-rate}), then returns what would
 * be sent: series, payloads, run outcome and warnings. Nothing is sent and nothing is spooled.
 */
public final class OneShot {
    private final AgentConfig config;
    private final PathTracer tracer;
    private final Clock clock;
    private final CustomChecks custom;

    public OneShot(AgentConfig config, PathTracer tracer, Clock clock) {
        this(config, tracer, clock, CustomChecks.none());
    }

    public OneShot(AgentConfig config, PathTracer tracer, Clock clock, CustomChecks custom) {
        this.custom = custom;
        this.config = config;
        this.tracer = tracer;
        this.clock = clock;
    }

    /** A result document; {@code ok} is false when an instance is disabled or a run failed. */
    public ObjectNode run(CheckConfig checkConfig, int times) throws InterruptedException {
        List<IngestPayload> payloads = new CopyOnWriteArrayList<>();
        Path scratch = tempState();
        CheckCatalog catalog = BuiltInChecks.catalog(tracer, scratch, payloads::add);
        custom.registerIn(catalog);
        CheckCatalog.Loaded loaded = catalog.load(List.of(checkConfig));
        ObjectNode out = ProbeJson.mapper().createObjectNode();
        boolean ok = loaded.disabled().isEmpty();
        out.put("check", checkConfig.name());
        ArrayNode disabled = out.putArray("disabled_instances");
        loaded.disabled().forEach(d -> disabled.add(d.reason()));
        ArrayNode runs = out.putArray("instances");
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        try {
            for (Check check : loaded.checks()) {
                List<MetricSeries> series = new ArrayList<>();
                List<io.edgeledger.probe.agent.check.ServiceCheck> serviceChecks = new ArrayList<>();
                List<io.edgeledger.probe.agent.check.Event> events = new ArrayList<>();
                CheckSampler sampler = new CheckSampler(check.interval().toSeconds());
                payloads.clear();
                AgentSender sender = new AgentSender(check, sampler, config.hostname(),
                        config.probeId() == null ? "unenrolled" : config.probeId(), series::addAll, payloads::add,
                        clock::millis, serviceChecks::add, events::add);
                ObjectNode run = runs.addObject();
                run.put("id", check.id());
                String error = null;
                long started = clock.millis();
                for (int i = 0; i < times && error == null; i++) {
                    if (i > 0) {
                        Thread.sleep(1000);
                    }
                    Future<?> f = exec.submit(() -> {
                        check.run(sender);
                        return null;
                    });
                    try {
                        f.get(check.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        check.cancel();
                        f.cancel(true);
                        error = "timed out after " + check.timeout().toSeconds() + " s";
                    } catch (ExecutionException e) {
                        error = e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage();
                    }
                    sender.commit(clock.millis() / 1000);
                }
                if (check instanceof DevlogCheck devlog) {
                    devlog.awaitDelivered(60);
                    try {
                        devlog.stop();
                    } catch (java.io.IOException e) {
                        error = error == null ? e.getMessage() : error;
                    }
                }
                run.put("status", error != null ? "error" : check.warnings().isEmpty() ? "ok" : "warning");
                run.put("duration_ms", clock.millis() - started);
                if (error != null) {
                    run.put("error", error);
                    ok = false;
                }
                ArrayNode warnings = run.putArray("warnings");
                check.warnings().forEach(warnings::add);
                run.set("series", ProbeJson.mapper().valueToTree(series));
                run.set("service_checks", ProbeJson.mapper().valueToTree(serviceChecks));
                run.set("events", ProbeJson.mapper().valueToTree(events));
                ArrayNode ps = run.putArray("payloads");
                for (IngestPayload p : payloads) {
                    ObjectNode po = ps.addObject();
                    po.put("endpoint", p.kind().path());
                    po.set("body", asSent(p));
                }
            }
        } finally {
            exec.shutdownNow();
        }
        out.put("ok", ok);
        return out;
    }

    /** The body exactly as the forwarder would send it (a traceroute result is written verbatim, not as a tree). */
    private static JsonNode asSent(IngestPayload payload) {
        try {
            return ProbeJson.mapper().readTree(ProbeJson.mapper().writeValueAsBytes(payload));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a payload did not serialize", e);
        }
    }

    private static Path tempState() {
        try {
            Path p = Files.createTempDirectory("edge-probe-check");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
