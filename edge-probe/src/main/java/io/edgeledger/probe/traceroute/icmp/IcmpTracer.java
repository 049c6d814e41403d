package io.edgeledger.probe.traceroute.icmp;

import io.edgeledger.probe.traceroute.engine.CaptureFilters;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.engine.ProtocolTracer;
import io.edgeledger.probe.traceroute.engine.RunOutcome;
import io.edgeledger.probe.traceroute.engine.Trace;
import java.io.IOException;
import java.net.InetAddress;

/** ICMP echo traceroute: routers answer time exceeded, the destination an echo reply. */
public final class IcmpTracer implements ProtocolTracer {
    private final boolean paris;

    /** {@code paris}: a constant checksum per run (see IcmpDriver). */
    public IcmpTracer(boolean paris) {
        this.paris = paris;
    }

    @Override
    public String captureFilter(InetAddress source, InetAddress target) {
        boolean v6 = target.getAddress().length == 16;
        String errors = CaptureFilters.icmpErrors(v6);
        // ICMPv6 errors and echo replies are both icmp6; IPv4 echo replies are type 0
        return CaptureFilters.toUs(source) + " and " + (v6 ? errors : "(" + errors + " or (icmp and icmp[0] == 0))");
    }

    @Override
    public RunOutcome trace(Trace trace) throws IOException, InterruptedException {
        try (ProbeDriver d = new IcmpDriver(trace.source(), trace.target(), trace.maxTtl(), paris)) {
            return new RunOutcome(trace.source(), 0, trace.target(), 0, trace.run(d));
        }
    }

    @Override
    public ProbeDriver e2eDriver(Trace trace, int count) {
        return new IcmpDriver(trace.source(), trace.target(), count, paris);
    }

    @Override
    public ProbeDriver multipathDriver(Trace trace, int maxKey) {
        return new IcmpDriver(trace.source(), trace.target(), maxKey, true);
    }
}
