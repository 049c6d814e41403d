package io.edgeledger.probe.traceroute.tcp;

import io.edgeledger.probe.traceroute.engine.CaptureFilters;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.engine.ProtocolTracer;
import io.edgeledger.probe.traceroute.engine.RunOutcome;
import io.edgeledger.probe.traceroute.engine.Trace;
import io.edgeledger.probe.traceroute.engine.TraceRun;
import io.edgeledger.probe.traceroute.result.Hop;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * TCP traceroute by SYN, by SACK inside a real connection, or prefer_sack: SACK when the destination
 * allows it, else SYN (no connection or no SACK-permitted, or the destination resets the connection
 * before it answered a probe), as upstream. The end-to-end probe always uses SYNs (no connection per probe).
 */
public final class TcpTracer implements ProtocolTracer {
    private enum Method { SYN, SACK, PREFER_SACK }

    private final int port;
    private final Method method;

    private TcpTracer(int port, Method method) {
        this.port = port;
        this.method = method;
    }

    public static TcpTracer syn(int port) {
        return new TcpTracer(port, Method.SYN);
    }

    public static TcpTracer sack(int port) {
        return new TcpTracer(port, Method.SACK);
    }

    public static TcpTracer preferSack(int port) {
        return new TcpTracer(port, Method.PREFER_SACK);
    }

    @Override
    public String captureFilter(InetAddress source, InetAddress target) {
        return CaptureFilters.toUs(source) + " and (" + CaptureFilters.icmpErrors(target.getAddress().length == 16)
                + " or " + CaptureFilters.tcpFrom(target, port) + ")";
    }

    @Override
    public RunOutcome trace(Trace trace) throws IOException, InterruptedException, SackNotSupportedException {
        if (method != Method.SYN) {
            RunOutcome sack = sack(trace);
            if (sack != null) {
                return sack;
            }
        }
        try (SynDriver d = synDriver(trace, trace.maxTtl())) {
            return new RunOutcome(trace.source(), d.sourcePort(), trace.target(), port, trace.run(d));
        }
    }

    /** The SACK run, or null when prefer_sack should fall back to SYN. */
    private RunOutcome sack(Trace trace) throws IOException, InterruptedException, SackNotSupportedException {
        try (SackDriver sack = new SackDriver(trace.network().tcpConnection(trace.source()), trace.source(),
                trace.target(), port, trace.maxTtl())) {
            TraceRun run = trace.newRun(sack);
            sack.onReset(run.board()::abort);
            try {
                sack.connect(trace.settings().timeoutNanos() / 1_000_000);
            } catch (SackNotSupportedException e) {
                trace.session().unregister(sack);
                if (method == Method.SACK) {
                    throw e;
                }
                return null;
            }
            List<Hop> hops = trace.run(run);
            boolean reached = !hops.isEmpty() && hops.get(hops.size() - 1).destination();
            if (reached || !sack.resetByPeer() || method == Method.SACK) {
                return new RunOutcome(trace.source(), sack.sourcePort(), trace.target(), port, hops);
            }
            return null; // the destination reset the connection: SYNs can still see it
        }
    }

    @Override
    public ProbeDriver e2eDriver(Trace trace, int count) throws IOException {
        return synDriver(trace, count);
    }

    /** SYNs for every TCP method (a SACK connection is one flow by nature). */
    @Override
    public ProbeDriver multipathDriver(Trace trace, int maxKey) throws IOException {
        return synDriver(trace, maxKey);
    }

    private SynDriver synDriver(Trace t, int maxKey) throws IOException {
        return new SynDriver(t.network().reserveTcpPort(t.source()), t.source(), t.target(), port, maxKey);
    }
}
