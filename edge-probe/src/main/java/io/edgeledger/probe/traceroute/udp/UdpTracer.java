package io.edgeledger.probe.traceroute.udp;

import io.edgeledger.probe.traceroute.engine.CaptureFilters;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.engine.ProtocolTracer;
import io.edgeledger.probe.traceroute.engine.RunOutcome;
import io.edgeledger.probe.traceroute.engine.Trace;
import java.io.IOException;
import java.net.InetAddress;

/** UDP traceroute: routers answer time exceeded, the destination port unreachable. */
public final class UdpTracer implements ProtocolTracer {
    private final int port;

    public UdpTracer(int port) {
        this.port = port;
    }

    @Override
    public String captureFilter(InetAddress source, InetAddress target) {
        return CaptureFilters.toUs(source) + " and " + CaptureFilters.icmpErrors(target.getAddress().length == 16);
    }

    @Override
    public RunOutcome trace(Trace trace) throws IOException, InterruptedException {
        try (UdpDriver d = driver(trace, trace.maxTtl())) {
            return new RunOutcome(trace.source(), d.sourcePort(), trace.target(), port, trace.run(d));
        }
    }

    @Override
    public ProbeDriver e2eDriver(Trace trace, int count) throws IOException {
        return driver(trace, count);
    }

    private UdpDriver driver(Trace t, int maxKey) throws IOException {
        return new UdpDriver(t.network().reserveUdpPort(t.source()), t.source(), t.target(), port, maxKey);
    }
}
