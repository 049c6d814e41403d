package io.edgeledger.probe.traceroute.result;

import java.net.InetAddress;
import java.util.List;

/**
 * One TTL of a run. {@code ip} is null and {@code reachable} false when nothing answered;
 * {@code destination} is internal (not in the JSON), as upstream's IsDest.
 */
public record Hop(int ttl, InetAddress ip, double rttMillis, boolean reachable, List<String> reverseDns,
                  boolean destination) {
    public Hop withReverseDns(List<String> names) {
        return new Hop(ttl, ip, rttMillis, reachable, List.copyOf(names), destination);
    }

    /** The same TTL with nothing known, as upstream blanks a private hop. */
    public Hop blanked() {
        return new Hop(ttl, null, 0, false, List.of(), false);
    }

    public String address() {
        return ip == null ? null : Addresses.format(ip);
    }
}
