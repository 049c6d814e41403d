package io.edgeledger.probe.agent.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and checks the {@code datadog:} section; every refusal names the field. */
final class DatadogSection {
    private static final Set<String> KEYS = Set.of("enabled", "site", "api_key_file", "dd_url", "additional_endpoints",
            "spool_max_bytes", "compression");

    private DatadogSection() {}

    static DatadogConfig read(Path dir, ConfigNode root) throws ConfigException {
        if (!root.has("datadog")) {
            return DatadogConfig.disabled();
        }
        ConfigNode dd = root.child("datadog");
        for (String key : dd.keys()) {
            if (!KEYS.contains(key)) {
                throw dd.error(key, "unknown setting (expected one of " + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        if (!dd.bool("enabled", true)) {
            return DatadogConfig.disabled();
        }
        String site = dd.string("site", DatadogConfig.DEFAULT_SITE).trim();
        if (!site.matches("[a-z0-9.-]+")) {
            throw dd.error("site", "must be a Datadog site such as datadoghq.com or datadoghq.eu, got \"" + site + "\"");
        }
        String ddUrl = dd.string("dd_url", null);
        URI primary = ddUrl == null ? DatadogConfig.siteUrl(site) : url(dd, "dd_url", ddUrl);
        List<DatadogConfig.Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new DatadogConfig.Endpoint(primary, keyFile(dir, dd, "api_key_file", dd.requiredString("api_key_file"))));
        ConfigNode more = dd.child("additional_endpoints");
        for (String u : more.keys()) {
            URI extra = url(more, u, u);
            List<String> files = more.stringList(u);
            if (files.isEmpty()) {
                throw more.error(u, "must list at least one API key file");
            }
            for (String f : files) {
                endpoints.add(new DatadogConfig.Endpoint(extra, keyFile(dir, more, u, f)));
            }
        }
        String compression = dd.string("compression", "gzip");
        if (!DatadogConfig.COMPRESSIONS.contains(compression)) {
            throw dd.error("compression", "must be gzip or zstd, got \"" + compression + "\"");
        }
        return new DatadogConfig(true, site, List.copyOf(endpoints),
                dd.integer("spool_max_bytes", 64L * 1024 * 1024, 64 * 1024, Long.MAX_VALUE), compression);
    }

    private static Path keyFile(Path dir, ConfigNode node, String field, String value) throws ConfigException {
        Path p = dir.resolve(value);
        if (!Files.isReadable(p)) {
            throw node.error(field, "cannot read the API key file " + p);
        }
        return p;
    }

    /** https, or plain http to a loopback address only (a local test intake): the key never crosses a network bare. */
    private static URI url(ConfigNode node, String field, String value) throws ConfigException {
        URI u;
        try {
            u = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw node.error(field, "is not a URL: " + e.getMessage());
        }
        if (u.getHost() == null) {
            throw node.error(field, "must be an https:// URL with a host, got " + value);
        }
        if ("https".equals(u.getScheme()) || ("http".equals(u.getScheme()) && loopback(u.getHost()))) {
            return u;
        }
        throw node.error(field, "must be https:// (plain http only to a loopback address), got " + value);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
