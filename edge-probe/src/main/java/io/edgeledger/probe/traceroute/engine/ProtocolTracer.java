package io.edgeledger.probe.traceroute.engine;

import java.io.IOException;
import java.net.InetAddress;

/**
 * One protocol's way of tracing (UDP, ICMP, TCP SYN / SACK / prefer_sack): the capture filter its
 * replies pass, how one run is carried out (its drivers, its fallbacks), and the driver of the
 * end-to-end probe. The engine knows nothing else about protocols.
 */
public interface ProtocolTracer {
    /** BPF filter that lets through only replies to {@code source} this protocol's drivers could accept. */
    String captureFilter(InetAddress source, InetAddress target);

    /** One traceroute run (several may run at once on the same trace). */
    RunOutcome trace(Trace trace) throws IOException, InterruptedException, ProbeException;

    /** Driver for the end-to-end probe: keys 1..count, straight to the destination. */
    ProbeDriver e2eDriver(Trace trace, int count) throws IOException;

    /** Driver for multipath discovery: keys 1..maxKey on any flow (Paris probes, see ProbeDriver#packet(int, int, int)). */
    ProbeDriver multipathDriver(Trace trace, int maxKey) throws IOException;
}
