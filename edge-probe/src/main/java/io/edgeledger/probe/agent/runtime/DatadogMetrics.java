package io.edgeledger.probe.agent.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.datadog.DatadogStats;
import java.util.List;

/** The Datadog endpoints in {@code status} and {@code /metrics}, labelled by their position in the config. */
final class DatadogMetrics {
    private DatadogMetrics() {}

    static void status(ObjectNode n, DatadogStats e) {
        n.put("url", e.url());
        n.put("submitted", e.submitted());
        n.put("delivered", e.delivered());
        n.put("retries", e.retries());
        n.put("rejected", e.rejected());
        n.put("queue", e.queued());
        n.put("spool_bytes", e.spoolBytes());
        n.put("spool_dropped", e.spoolDropped());
        n.put("forbidden", e.forbidden());
        n.put("last_error", e.lastError());
    }

    static void append(StringBuilder sb, List<DatadogStats> endpoints) {
        family(sb, "edge_probe_datadog_submitted_total", "counter", "requests queued for a Datadog endpoint",
                endpoints, DatadogStats::submitted);
        family(sb, "edge_probe_datadog_delivered_total", "counter", "requests accepted by a Datadog endpoint",
                endpoints, DatadogStats::delivered);
        family(sb, "edge_probe_datadog_retries_total", "counter", "failed sends retried", endpoints,
                DatadogStats::retries);
        family(sb, "edge_probe_datadog_rejected_total", "counter", "requests refused (400/413) and dropped",
                endpoints, DatadogStats::rejected);
        family(sb, "edge_probe_datadog_spool_dropped_total", "counter", "requests dropped by the spool size cap",
                endpoints, DatadogStats::spoolDropped);
        family(sb, "edge_probe_datadog_queue_requests", "gauge", "requests waiting in the spool", endpoints,
                DatadogStats::queued);
        family(sb, "edge_probe_datadog_forbidden", "gauge", "1 while a 403 (bad API key) holds sending", endpoints,
                e -> e.forbidden() ? 1 : 0);
    }

    private static void family(StringBuilder sb, String name, String type, String help, List<DatadogStats> endpoints,
            java.util.function.ToLongFunction<DatadogStats> value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ')
                .append(type).append('\n');
        for (int i = 0; i < endpoints.size(); i++) {
            sb.append(name).append("{endpoint=\"").append(i).append("\",url=\"").append(endpoints.get(i).url())
                    .append("\"} ").append(value.applyAsLong(endpoints.get(i))).append('\n');
        }
    }
}
