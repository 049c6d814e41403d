package io.edgeledger.api.support;

import java.time.Instant;
import java.util.UUID;

/** Ingest bodies shaped like the edge probe's wire records (io.edgeledger.wire). */
public final class Payloads {
    private Payloads() {}

    public static String batchId() {
        return UUID.randomUUID().toString();
    }

    public static String metrics(String batchId, String metric, long ts, double value, String... tags) {
        return "{\"batch_id\":\"" + batchId + "\",\"series\":[{\"metric\":\"" + metric + "\",\"points\":[[" + ts + "," + value
                + "]],\"tags\":" + tagsJson(tags) + ",\"host\":\"edge-1\",\"type\":\"gauge\",\"interval\":15}]}";
    }

    /** What edge-probe's agent reports about itself each flush: its version and its forwarder's backlog. */
    public static String selfReport(String batchId, long ts, String version, long pending) {
        return "{\"batch_id\":\"" + batchId + "\",\"series\":["
                + gauge("edge_probe.running", ts, 1, "version:" + version) + ","
                + gauge("edge_probe.forwarder.pending", ts, pending) + ","
                + gauge("edge_probe.forwarder.spool_bytes", ts, 4096) + ","
                + gauge("edge_probe.forwarder.oldest_pending_age", ts, 30) + ","
                + gauge("edge_probe.forwarder.dropped", ts, 0) + "]}";
    }

    private static String gauge(String metric, long ts, double value, String... tags) {
        return "{\"metric\":\"" + metric + "\",\"points\":[[" + ts + "," + value + "]],\"tags\":" + tagsJson(tags)
                + ",\"host\":\"edge-1\",\"type\":\"gauge\",\"interval\":15}";
    }

    public static String traceroute(String batchId, String jobId, long tsSeconds, String target) {
        return "{\"batch_id\":\"" + batchId + "\"," + (jobId == null ? "" : "\"job_id\":\"" + jobId + "\",")
                + "\"timestamp\":" + tsSeconds + ",\"tags\":[\"env:test\"],\"result\":" + tracerouteResult(target) + "}";
    }

    public static String tracerouteResult(String target) {
        return "{\"test_run_id\":\"" + UUID.randomUUID() + "\",\"protocol\":\"UDP\",\"source\":{\"public_ip\":\"\"},"
                + "\"destination\":{\"hostname\":\"" + target + "\",\"port\":33434},"
                + "\"traceroute\":{\"runs\":[{\"run_id\":\"r1\",\"source\":{\"ip_address\":\"198.18.0.1\",\"port\":0},"
                + "\"destination\":{\"ip_address\":\"198.18.2.2\",\"port\":33434,\"reverse_dns\":[]},"
                + "\"hops\":[{\"ttl\":1,\"ip_address\":\"198.18.1.1\",\"rtt\":0.42,\"reachable\":true,\"reverse_dns\":[]},"
                + "{\"ttl\":2,\"ip_address\":null,\"rtt\":0,\"reachable\":false,\"reverse_dns\":[]}]}],"
                + "\"hop_count\":{\"avg\":2,\"min\":2,\"max\":2}},"
                + "\"e2e_probe\":{\"rtts\":[1.0],\"packets_sent\":1,\"packets_received\":1,\"packet_loss_percentage\":0.0,"
                + "\"jitter\":0.0,\"rtt\":{\"avg\":1.0,\"min\":1.0,\"max\":1.0}}}";
    }

    public static String checkRuns(String batchId, long ts) {
        return "{\"batch_id\":\"" + batchId + "\",\"runs\":[{\"check\":\"system\",\"instance_id\":\"system:abc\",\"status\":\"ok\","
                + "\"timestamp\":" + ts + ",\"duration_ms\":12,\"tags\":[\"env:test\"]}]}";
    }

    public static String event(String id64, Instant at, String type, String session) {
        return "{\"id\":\"" + id64 + "\",\"timestamp\":\"" + at + "\",\"eventType\":\"" + type + "\",\"agentId\":\"claude-code\","
                + "\"agentVersion\":\"2.0.1\",\"sessionId\":\"" + session + "\",\"projectPath\":\"/home/dev/app\",\"model\":\"claude-x\","
                + "\"data\":{\"text\":\"hello\"}}";
    }

    public static String events(String batchId, String... events) {
        return "{\"batch_id\":\"" + batchId + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private static String tagsJson(String... tags) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < tags.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(tags[i]).append('"');
        }
        return sb.append(']').toString();
    }
}
