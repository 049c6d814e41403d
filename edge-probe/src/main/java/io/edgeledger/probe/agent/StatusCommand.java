package io.edgeledger.probe.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.custom.CustomChecks;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edge-probe status}: asks the running daemon on localhost and prints its checks, forwarder and DogStatsD. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show checks, last runs, errors, forwarder queue and spool, DogStatsD counters.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "DIR",
            description = "config directory, to find the health port (default: /etc/edge-probe if present)")
    Path config;

    @Option(names = "--addr", paramLabel = "HOST:PORT", description = "the daemon's health endpoint (default: 127.0.0.1:5002)")
    String addr;

    @Option(names = "--json", description = "print the raw JSON")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        String target = addr;
        if (target == null) {
            Path dir = config != null ? config : RunCommand.DEFAULT_CONFIG;
            int port = AgentConfig.DEFAULT_HEALTH_PORT;
            String host = "127.0.0.1";
            if (Files.isRegularFile(dir.resolve(AgentConfig.FILE))) {
                try {
                    AgentConfig cfg = ConfigLoader.load(dir, CustomChecks.discover(
                            dir.resolve(CustomChecks.DIRECTORY), BuiltInChecks.NAMES).namesWith(BuiltInChecks.NAMES));
                    port = cfg.healthPort();
                    host = cfg.healthBind().equals("0.0.0.0") ? "127.0.0.1" : cfg.healthBind();
                } catch (ConfigException e) {
                    System.err.println("edge-probe status: " + e.getMessage());
                    return 2;
                }
            }
            if (port == 0) {
                System.err.println("edge-probe status: the health endpoint is disabled (health.port: 0)");
                return 1;
            }
            target = host + ":" + port;
        }
        JsonNode status;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + target + "/status"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.err.println("edge-probe status: " + target + " answered HTTP " + r.statusCode());
                return 1;
            }
            status = ProbeJson.mapper().readTree(r.body());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("edge-probe status: no probe answering on " + target
                    + " (is 'edge-probe run' running? " + e.getClass().getSimpleName() + ")");
            return 1;
        }
        if (json) {
            System.out.println(status.toPrettyString());
        } else {
            print(status, System.out);
        }
        return 0;
    }

    static void print(JsonNode s, PrintStream out) {
        out.printf("edge-probe %s on %s, up since %s (config %s)%n", s.path("probe_id").asText(),
                s.path("hostname").asText(), s.path("started_at").asText(), s.path("config_dir").asText());
        out.println();
        out.println("Checks");
        if (s.path("checks").isEmpty()) {
            out.println("  (none configured)");
        }
        for (JsonNode c : s.path("checks")) {
            out.printf("  %-28s every %ds  last: %s%s%s%n", c.path("id").asText(), c.path("interval_s").asLong(),
                    c.path("last_status").asText("not run yet"),
                    c.has("last_run") ? " at " + c.path("last_run").asText() + " (" + c.path("last_duration_ms").asLong() + " ms)" : "",
                    c.path("running").asBoolean() ? "  [running]" : "");
            StringBuilder totals = new StringBuilder();
            c.path("totals").fields().forEachRemaining(e -> totals.append(' ').append(e.getKey()).append('=').append(e.getValue().asLong()));
            out.println("      runs:" + (totals.isEmpty() ? " none yet" : totals));
            if (c.has("last_error")) {
                out.println("      last error (" + c.path("last_error_at").asText() + "): " + c.path("last_error").asText());
            }
            for (JsonNode w : c.path("warnings")) {
                out.println("      warning: " + w.asText());
            }
        }
        if (!s.path("disabled_instances").isEmpty()) {
            out.println();
            out.println("Disabled instances (fix the config and restart)");
            for (JsonNode d : s.path("disabled_instances")) {
                out.println("  warning: " + d.path("warning").asText());
            }
        }
        JsonNode f = s.path("forwarder");
        out.println();
        out.printf("Forwarder  %s%n  queue %d batch(es), spool %d bytes, delivered %d, retries %d, dropped by cap %d,"
                        + " dead letters %d%n", f.path("backend").asText(), f.path("queue").asLong(),
                f.path("spool_bytes").asLong(), f.path("delivered").asLong(), f.path("retries").asLong(),
                f.path("spool_dropped").asLong(), f.path("dead_lettered").asLong());
        if (!f.path("last_error").asText().isEmpty()) {
            out.println("  last error: " + f.path("last_error").asText());
        }
        for (JsonNode e : s.path("datadog").path("endpoints")) {
            out.printf("Datadog    %s%s%n  queue %d request(s), spool %d bytes, delivered %d, retries %d, rejected %d,"
                            + " dropped by cap %d%n", e.path("url").asText(),
                    e.path("forbidden").asBoolean() ? "  FORBIDDEN (403: replace the API key file)" : "",
                    e.path("queue").asLong(), e.path("spool_bytes").asLong(), e.path("delivered").asLong(),
                    e.path("retries").asLong(), e.path("rejected").asLong(), e.path("spool_dropped").asLong());
            if (!e.path("last_error").asText().isEmpty()) {
                out.println("  last error: " + e.path("last_error").asText());
            }
        }
        JsonNode d = s.path("dogstatsd");
        out.println();
        if (d.path("enabled").asBoolean()) {
            out.printf("DogStatsD  udp port %d%n  packets %d, metrics %d, malformed %d, events %d, service checks %d, type conflicts %d,"
                            + " contexts %d%n", d.path("port").asInt(), d.path("packets").asLong(),
                    d.path("metrics").asLong(), d.path("malformed").asLong(), d.path("events").asLong(), d.path("service_checks").asLong(),
                    d.path("type_conflicts").asLong(), d.path("contexts").asLong());
        } else {
            out.println("DogStatsD  disabled");
        }
        if (s.has("jobs")) {
            out.printf("%nJobs  received %d, failed polls %d%s%n", s.path("jobs").path("received").asLong(),
                    s.path("jobs").path("failed_polls").asLong(), s.path("jobs").path("last_error").asText().isEmpty()
                            ? "" : ", last error: " + s.path("jobs").path("last_error").asText());
        }
    }
}
