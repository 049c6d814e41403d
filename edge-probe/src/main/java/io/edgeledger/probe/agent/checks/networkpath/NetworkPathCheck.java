package io.edgeledger.probe.agent.checks.networkpath;

import io.edgeledger.probe.agent.check.BaseCheck;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.wire.BatchIds;
import io.edgeledger.wire.InvalidFieldException;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.TracerouteResultJson;
import io.edgeledger.wire.TracerouteSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code network_path}: traces the path to {@code hostname} every 60 s (default) and ships the whole JSON result to
 * {@code /v1/ingest/traceroute} plus three metrics: {@code network_path.hops} (average hop count),
 * {@code network_path.e2e.rtt.avg} (ms) and {@code network_path.e2e.packet_loss} (0..1).
 */
public final class NetworkPathCheck extends BaseCheck {
    public static final String NAME = "network_path";
    public static final long DEFAULT_INTERVAL_SECONDS = 60;

    private final PathTracer tracer;
    private TracerouteSpec spec;
    private List<String> pathTags;

    public NetworkPathCheck(PathTracer tracer) {
        super(NAME);
        this.tracer = tracer;
    }

    @Override
    protected long defaultIntervalSeconds() {
        return DEFAULT_INTERVAL_SECONDS;
    }

    @Override
    protected void configureInstance(ConfigNode initConfig, ConfigNode instance) throws ConfigException {
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> plain = instance.plain() instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
            spec = TracerouteSpec.fromInstance(plain);
        } catch (InvalidFieldException e) {
            throw instance.error(e.field(), e.reason());
        }
        pathTags = List.of("destination_hostname:" + spec.target(),
                "protocol:" + spec.protocol().wireName().toUpperCase(Locale.ROOT), "destination_port:" + spec.port());
    }

    public TracerouteSpec params() {
        return spec;
    }

    @Override
    protected void collect(Sender sender) throws Exception {
        TracerouteResult result = tracer.trace(spec);
        List<String> tags = new ArrayList<>(pathTags);
        tags.addAll(tags());
        // the result's own writer makes the JSON once; it goes on the wire as written
        sender.submit(new TraceroutePayload(BatchIds.newBatchId(), sender.probeId(), null,
                Instant.now().getEpochSecond(), tags, TracerouteResultJson.written(result.toJson()), null));
        emitMetrics(sender, result, pathTags);
    }

    /** The three path metrics from a result. */
    static void emitMetrics(Sender sender, TracerouteResult result, List<String> tags) {
        sender.gauge("network_path.hops", result.hopCount().avg(), tags);
        E2eProbe e2e = result.e2eProbe();
        if (e2e.packetsSent() > 0) {
            sender.gauge("network_path.e2e.packet_loss", e2e.packetLossPercentage(), tags);
            if (e2e.packetsReceived() > 0) {
                sender.gauge("network_path.e2e.rtt.avg", e2e.rttAvg(), tags);
            }
        }
    }
}
