package io.edgeledger.probe.traceroute.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole answer of a traceroute test in datadog-traceroute's shape. {@code publicIpError} is our
 * addition: when --source-public-ip could not get an answer, the reason is reported instead of failing;
 * so is {@code multipath} (null unless --multipath asked for it), an extra section beside upstream's.
 */
public record TracerouteResult(String testRunId, String protocol, String publicIp, String publicIpError,
                               String hostname, int port, List<TracerouteRun> runs, HopCount hopCount,
                               E2eProbe e2eProbe, Multipath multipath) {

    public TracerouteResult(String testRunId, String protocol, String publicIp, String publicIpError,
                            String hostname, int port, List<TracerouteRun> runs, HopCount hopCount, E2eProbe e2eProbe) {
        this(testRunId, protocol, publicIp, publicIpError, hostname, port, runs, hopCount, e2eProbe, null);
    }

    public TracerouteResult withMultipath(Multipath m) {
        return new TracerouteResult(testRunId, protocol, publicIp, publicIpError, hostname, port, runs, hopCount,
                e2eProbe, m);
    }

    /** Blanks RFC 1918 / unique-local hops, keeping their TTL, as upstream's --skip-private-hops. */
    public TracerouteResult withoutPrivateHops() {
        List<TracerouteRun> out = new ArrayList<>();
        for (TracerouteRun r : runs) {
            List<Hop> hops = new ArrayList<>();
            for (Hop h : r.hops()) {
                hops.add(h.ip() != null && Addresses.isPrivate(h.ip()) ? h.blanked() : h);
            }
            out.add(new TracerouteRun(r.runId(), r.source(), r.sourcePort(), r.destination(), r.destinationPort(),
                    r.destinationReverseDns(), hops));
        }
        return new TracerouteResult(testRunId, protocol, publicIp, publicIpError, hostname, port, out,
                HopCount.of(out), e2eProbe, multipath);
    }

    public String toJson() {
        ResultJsonWriter j = new ResultJsonWriter().open();
        j.key("test_run_id").value(testRunId);
        j.key("protocol").value(protocol);
        j.key("source").open().key("public_ip").value(publicIp == null ? "" : publicIp);
        if (publicIpError != null) {
            j.key("public_ip_error").value(publicIpError);
        }
        j.close();
        j.key("destination").open().key("hostname").value(hostname).key("port").value(port).close();
        j.key("traceroute").open().key("runs").openArray();
        for (TracerouteRun r : runs) {
            j.open().key("run_id").value(r.runId());
            j.key("source").open()
                    .key("ip_address").value(r.source() == null ? null : Addresses.format(r.source()))
                    .key("port").value(r.sourcePort()).close();
            j.key("destination").open()
                    .key("ip_address").value(Addresses.format(r.destination()))
                    .key("port").value(r.destinationPort())
                    .key("reverse_dns").strings(r.destinationReverseDns()).close();
            j.key("hops").openArray();
            for (Hop h : r.hops()) {
                j.open().key("ttl").value(h.ttl())
                        .key("ip_address").value(h.address())
                        .key("rtt").value(round(h.rttMillis()))
                        .key("reachable").value(h.reachable())
                        .key("reverse_dns").strings(h.reverseDns())
                        .close();
            }
            j.closeArray().close();
        }
        j.closeArray();
        j.key("hop_count").open().key("avg").value(hopCount.avg()).key("min").value(hopCount.min())
                .key("max").value(hopCount.max()).close();
        j.close();
        E2eProbe e = e2eProbe;
        j.key("e2e_probe").open().key("rtts").openArray();
        for (double r : e.rtts()) {
            j.value(round(r));
        }
        j.closeArray();
        j.key("packets_sent").value(e.packetsSent()).key("packets_received").value(e.packetsReceived())
                .key("packet_loss_percentage").value(e.packetLossPercentage())
                .key("jitter").value(round(e.jitter()))
                .key("rtt").open().key("avg").value(round(e.rttAvg())).key("min").value(round(e.rttMin()))
                .key("max").value(round(e.rttMax())).close();
        j.close();
        if (multipath != null) {
            multipath.writeJson(j);
        }
        return j.close().toString();
    }

    /** A readable hop table: one line per TTL, each run's answer side by side (traceroute-like). */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        String dst = runs.isEmpty() ? "?" : Addresses.format(runs.get(0).destination());
        sb.append("traceroute to ").append(hostname).append(" (").append(dst).append("), ")
                .append(protocol.toLowerCase()).append(", ").append(runs.size()).append(" run(s)\n");
        int maxHops = 0;
        for (TracerouteRun r : runs) {
            maxHops = Math.max(maxHops, r.hops().size());
        }
        for (int t = 1; t <= maxHops; t++) {
            sb.append(String.format("%2d ", t));
            String lastAddr = null;
            for (TracerouteRun r : runs) {
                Hop h = t <= r.hops().size() ? r.hops().get(t - 1) : null;
                if (h == null || h.ip() == null) {
                    sb.append(" *");
                    continue;
                }
                String a = h.address();
                if (!a.equals(lastAddr)) {
                    sb.append("  ").append(a);
                    if (!h.reverseDns().isEmpty()) {
                        sb.append(" (").append(h.reverseDns().get(0)).append(')');
                    }
                    lastAddr = a;
                }
                sb.append(String.format("  %.3f ms", h.rttMillis()));
            }
            sb.append('\n');
        }
        sb.append(String.format("hop count avg %.1f min %d max %d", hopCount.avg(), hopCount.min(), hopCount.max()));
        if (e2eProbe.packetsSent() > 0) {
            sb.append(String.format("%ne2e: %d/%d received, loss %.0f%%, rtt avg/min/max %.3f/%.3f/%.3f ms, jitter %.3f ms",
                    e2eProbe.packetsReceived(), e2eProbe.packetsSent(), e2eProbe.packetLossPercentage() * 100,
                    e2eProbe.rttAvg(), e2eProbe.rttMin(), e2eProbe.rttMax(), e2eProbe.jitter()));
        }
        if (multipath != null) {
            sb.append('\n');
            multipath.writeTable(sb);
            sb.setLength(sb.length() - 1);
        }
        if (publicIp != null && !publicIp.isEmpty()) {
            sb.append("\npublic ip: ").append(publicIp);
        } else if (publicIpError != null) {
            sb.append("\npublic ip: unavailable (").append(publicIpError).append(')');
        }
        return sb.append('\n').toString();
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }
}
