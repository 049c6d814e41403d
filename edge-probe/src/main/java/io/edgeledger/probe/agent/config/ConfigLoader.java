package io.edgeledger.probe.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a config directory: {@code edge-probe.yaml} and {@code conf.d/<check>.d/conf.yaml} (Datadog's layout; a
 * {@code conf.yaml.example} or {@code .disabled} file is ignored). File-level problems (YAML syntax, wrong shapes,
 * unknown top-level keys, an unknown check) refuse the start; per-instance problems are left to the check factory,
 * which disables only that instance.
 *
 * <p>{@code enrollment.yaml} beside it, written by {@code edge-probe enroll}, holds {@code backend_url},
 * {@code probe_id} and {@code secret_file}; its values win. Keeping them out of {@code edge-probe.yaml} (a dpkg
 * conffile the customer edits) means enrolling never makes a package upgrade ask about that file.
 */
public final class ConfigLoader {
    public static final String ENROLLMENT_FILE = "enrollment.yaml";
    private static final Set<String> ENROLLMENT_KEYS = Set.of("backend_url", "probe_id", "secret_file");
    private static final Set<String> TOP_LEVEL = Set.of("backend_url", "probe_id", "secret_file", "ca_bundle",
            "hostname", "tags", "spool_dir", "spool_max_bytes", "dogstatsd", "health", "check_runners", "jobs",
            "datadog");

    private ConfigLoader() {}

    public static AgentConfig load(Path dir, Set<String> knownChecks) throws ConfigException {
        Path main = dir.resolve(AgentConfig.FILE);
        if (!Files.isRegularFile(main)) {
            throw new ConfigException(main, 0, "", "not found: edge-probe needs a config directory holding "
                    + AgentConfig.FILE + " (see samples/probe/)");
        }
        ConfigNode root = parse(main, "");
        for (String key : root.keys()) {
            if (!TOP_LEVEL.contains(key)) {
                throw root.error(key, "unknown setting (expected one of " + new java.util.TreeSet<>(TOP_LEVEL) + ")");
            }
        }
        ConfigNode enrolled = enrollment(dir);
        ConfigNode urlSource = enrolled.has("backend_url") ? enrolled : root;
        URI backend = null;
        String url = urlSource.string("backend_url", null);
        if (url != null) {
            try {
                backend = new URI(url);
            } catch (URISyntaxException e) {
                throw urlSource.error("backend_url", "is not a URL: " + e.getMessage());
            }
            if (!("https".equals(backend.getScheme()) || "http".equals(backend.getScheme())) || backend.getHost() == null) {
                throw urlSource.error("backend_url", "must be an https:// URL with a host, got " + url);
            }
        }
        String probeId = (enrolled.has("probe_id") ? enrolled : root).string("probe_id", null);
        Path secretFile = path(dir, (enrolled.has("secret_file") ? enrolled : root).string("secret_file", null));
        if (backend != null) {
            if (probeId == null) {
                throw root.error("probe_id", "is required when backend_url is set");
            }
            if (secretFile == null) {
                throw root.error("secret_file", "is required when backend_url is set");
            }
        }
        Path ca = path(dir, root.string("ca_bundle", null));
        if (ca != null && !Files.isReadable(ca)) {
            throw root.error("ca_bundle", "cannot read " + ca);
        }
        ConfigNode dogstatsd = root.child("dogstatsd");
        ConfigNode health = root.child("health");
        ConfigNode jobs = root.child("jobs");
        List<CheckConfig> checks = loadChecks(dir.resolve("conf.d"), knownChecks);
        return new AgentConfig(dir, backend, probeId, secretFile, ca,
                root.string("hostname", defaultHostname()),
                root.stringList("tags"),
                path(dir, root.string("spool_dir", "/var/lib/edge-probe")),
                root.integer("spool_max_bytes", 256L * 1024 * 1024, 64 * 1024, Long.MAX_VALUE),
                dogstatsd.string("bind", "127.0.0.1"),
                dogstatsd.bool("enabled", true)
                        ? (int) dogstatsd.integer("port", AgentConfig.DEFAULT_DOGSTATSD_PORT, 0, 65535) : 0,
                health.string("bind", "127.0.0.1"),
                (int) health.integer("port", AgentConfig.DEFAULT_HEALTH_PORT, 0, 65535),
                (int) root.integer("check_runners", AgentConfig.DEFAULT_CHECK_RUNNERS, 1, 64),
                jobs.bool("enabled", true),
                (int) jobs.integer("wait_seconds", 20, 1, 60),
                checks, DatadogSection.read(dir, root));
    }

    /** {@code enrollment.yaml}, or an empty node when the probe is not enrolled. */
    private static ConfigNode enrollment(Path dir) throws ConfigException {
        Path file = dir.resolve(ENROLLMENT_FILE);
        if (!Files.isRegularFile(file)) {
            return ConfigNode.empty(file, "");
        }
        ConfigNode node = parse(file, "");
        for (String key : node.keys()) {
            if (!ENROLLMENT_KEYS.contains(key)) {
                throw node.error(key, "unknown setting (expected one of " + new java.util.TreeSet<>(ENROLLMENT_KEYS)
                        + "; this file is written by 'edge-probe enroll')");
            }
        }
        return node;
    }

    private static List<CheckConfig> loadChecks(Path confD, Set<String> knownChecks) throws ConfigException {
        List<CheckConfig> out = new ArrayList<>();
        if (!Files.isDirectory(confD)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(confD)) {
            dirs = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().endsWith(".d")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(confD, 0, "", "cannot list: " + e.getMessage());
        }
        for (Path d : dirs) {
            Path file = d.resolve("conf.yaml");
            if (!Files.isRegularFile(file)) {
                continue; // only examples or disabled files: nothing to run
            }
            String name = d.getFileName().toString();
            name = name.substring(0, name.length() - 2);
            if (!knownChecks.contains(name)) {
                throw new ConfigException(file, 0, "", "no check named '" + name + "' (known: "
                        + new java.util.TreeSet<>(knownChecks) + "); rename the directory or add .disabled to conf.yaml");
            }
            ConfigNode root = parse(file, "");
            ConfigNode init = root.child("init_config");
            List<ConfigNode> instances = root.list("instances").orElseThrow(
                    () -> new ConfigException(file, root.line(), "instances", "is required: a list with one entry per instance"));
            if (instances.isEmpty()) {
                throw root.error("instances", "is empty: give at least one instance (or remove conf.yaml)");
            }
            for (ConfigNode instance : instances) {
                if (!instance.isMapping()) {
                    throw new ConfigException(file, instance.line(), instance.path(), "must be a mapping (key: value lines)");
                }
            }
            out.add(new CheckConfig(name, file, init, instances));
        }
        return out;
    }

    static ConfigNode parse(Path file, String path) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node node = new Yaml(options).compose(reader);
            ConfigNode root = new ConfigNode(file, path, node);
            if (!root.isMapping()) {
                throw new ConfigException(file, root.line(), "", "must be a YAML mapping (key: value lines)");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ConfigException(file, line, "", "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, "", "invalid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(file, 0, "", "cannot read: " + e.getMessage());
        }
    }

    private static Path path(Path dir, String value) {
        return value == null || value.isBlank() ? null : dir.resolve(value).normalize();
    }

    /** $EDGE_PROBE_HOSTNAME, else the machine's hostname. */
    public static String defaultHostname() {
        String env = System.getenv("EDGE_PROBE_HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
