package io.edgeledger.probe.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code datadog:} section of edge-probe.yaml: dual-shipping to Datadog's intake besides EdgeLedger. Named as in
 * the Datadog Agent ({@code site}, {@code dd_url}, {@code additional_endpoints}), except that API keys are never
 * written in the YAML: {@code api_key_file} (and, per additional endpoint, a list of key files) names files holding
 * them. {@link #endpoints} is the primary endpoint first, then one per additional URL and key.
 */
public record DatadogConfig(boolean enabled, String site, List<Endpoint> endpoints, long spoolMaxBytes,
        String compression) {
    public static final String DEFAULT_SITE = "datadoghq.com";
    /** How series bodies are compressed: {@code gzip} or {@code zstd} (check runs and events are always gzip). */
    public static final java.util.Set<String> COMPRESSIONS = java.util.Set.of("gzip", "zstd");

    /** One intake and one key: each has its own queue, spool, retries and counters. */
    public record Endpoint(URI url, Path apiKeyFile) {}

    public static DatadogConfig disabled() {
        return new DatadogConfig(false, DEFAULT_SITE, List.of(), 0, "gzip");
    }

    /** The API host of a site, as Datadog documents it ({@code datadoghq.eu} -> {@code https://api.datadoghq.eu}). */
    public static URI siteUrl(String site) {
        return URI.create("https://api." + site);
    }
}
