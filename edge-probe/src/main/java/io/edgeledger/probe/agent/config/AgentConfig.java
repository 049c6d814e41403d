package io.edgeledger.probe.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code edge-probe.yaml}. Only {@code run} needs the backend fields; {@code check} works without them.
 *
 * @param dogstatsdPort 0 disables DogStatsD
 * @param healthPort    0 disables the localhost health/metrics/status endpoint
 * @param datadog       dual-shipping to Datadog, {@link DatadogConfig#disabled()} when the section is absent
 */
public record AgentConfig(Path directory, URI backendUrl, String probeId, Path secretFile, Path caBundle,
        String hostname, List<String> tags, Path spoolDir, long spoolMaxBytes, String dogstatsdBind, int dogstatsdPort,
        String healthBind, int healthPort, int checkRunners, boolean jobsEnabled, int jobsWaitSeconds,
        List<CheckConfig> checks, DatadogConfig datadog) {
    public static final String FILE = "edge-probe.yaml";
    public static final int DEFAULT_DOGSTATSD_PORT = 8125;
    public static final int DEFAULT_HEALTH_PORT = 5002;
    /** Datadog's default check_runners. */
    public static final int DEFAULT_CHECK_RUNNERS = 4;

    public boolean forwardingConfigured() {
        return backendUrl != null;
    }
}
