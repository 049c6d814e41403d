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
    private final boolean paris;

    /** {@code paris}: the checksum carries the probe identity and nothing else varies (see UdpDriver). */
    public UdpTracer(int port, boolean paris) {
        this.port = port;
        this.paris = paris;
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

    @Override
    public ProbeDriver multipathDriver(Trace trace, int maxKey) throws IOException {
        return driver(trace, maxKey, true);
    }

    private UdpDriver driver(Trace t, int maxKey) throws IOException {
        return driver(t, maxKey, paris);
    }

    private UdpDriver driver(Trace t, int maxKey, boolean parisProbes) throws IOException {
        return new UdpDriver(t.network().reserveUdpPort(t.source()), t.source(), t.target(), port, maxKey, parisProbes);
    }
}
