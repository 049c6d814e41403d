package io.edgeledger.probe.traceroute.result;

import java.net.InetAddress;
import java.util.List;

/** One traceroute run: where it left from, where it went, and each TTL up to the destination (or max TTL). */
public record TracerouteRun(String runId, InetAddress source, int sourcePort, InetAddress destination,
                            int destinationPort, List<String> destinationReverseDns, List<Hop> hops) {
    /** Hop count as upstream: up to the last TTL that answered (all hops when none did). */
    public int hopCount() {
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (hops.get(i).ip() != null) {
                return i + 1;
            }
        }
        return hops.size();
    }

    public boolean reachedDestination() {
        return !hops.isEmpty() && hops.get(hops.size() - 1).destination();
    }
}
