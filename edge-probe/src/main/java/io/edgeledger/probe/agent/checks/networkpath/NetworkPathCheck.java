package io.edgeledger.probe.agent.checks.networkpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.check.BaseCheck;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import io.edgeledger.wire.BatchIds;
import io.edgeledger.wire.TraceroutePayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code network_path}: traces the path to {@code hostname} every 60 s (default) and ships the whole JSON result to
 * {@code /v1/ingest/traceroute} plus three metrics: {@code network_path.hops} (average hop count),
 * {@code network_path.e2e.rtt.avg} (ms) and {@code network_path.e2e.packet_loss} (0..1).
 */
public final class NetworkPathCheck extends BaseCheck {
    public static final String NAME = "network_path";
    public static final long DEFAULT_INTERVAL_SECONDS = 60;

    private final PathTracer tracer;
    private PathParams params;
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
        params = PathParamsReader.fromInstance(instance);
        pathTags = List.of("destination_hostname:" + params.hostname(), "protocol:" + params.protocol().toUpperCase(),
                "destination_port:" + params.port());
    }

    public PathParams params() {
        return params;
    }

    @Override
    protected void collect(Sender sender) throws Exception {
        JsonNode result = tracer.trace(params);
        List<String> tags = new ArrayList<>(pathTags);
        tags.addAll(tags());
        sender.submit(new TraceroutePayload(BatchIds.newBatchId(), sender.probeId(), null,
                Instant.now().getEpochSecond(), tags, result, null));
        emitMetrics(sender, result, pathTags);
    }

    /** The three path metrics from a result; shared with backend jobs. */
    public static void emitMetrics(Sender sender, JsonNode result, List<String> tags) {
        JsonNode hops = result.path("traceroute").path("hop_count").path("avg");
        if (hops.isNumber()) {
            sender.gauge("network_path.hops", hops.asDouble(), tags);
        }
        JsonNode e2e = result.path("e2e_probe");
        if (e2e.path("packets_sent").asInt(0) > 0) {
            sender.gauge("network_path.e2e.packet_loss", e2e.path("packet_loss_percentage").asDouble(), tags);
            JsonNode rtt = e2e.path("rtt").path("avg");
            if (rtt.isNumber() && e2e.path("packets_received").asInt(0) > 0) {
                sender.gauge("network_path.e2e.rtt.avg", rtt.asDouble(), tags);
            }
        }
    }
}
