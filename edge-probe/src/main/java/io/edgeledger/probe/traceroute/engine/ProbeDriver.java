package io.edgeledger.probe.traceroute.engine;

import io.edgeledger.probe.traceroute.packet.Inbound;
import java.net.InetAddress;

/**
 * One protocol's probes for one run: builds the probe with a given key (the TTL in a trace, the
 * sequence in the end-to-end probe) and recognises the replies that answer it. This is the seam
 * between the scheduling (parallel / serial runs, adaptive wait) and the protocols.
 */
public interface ProbeDriver extends AutoCloseable {
    /** The full IP packet for probe {@code key}, sent with IP TTL / hop limit {@code ttl}. */
    byte[] packet(int key, int ttl);

    /**
     * Probe {@code key} on flow {@code flow}: every probe of one flow has the same flow identifier (what a
     * per-flow load balancer hashes: ports, or the ICMP checksum), flow 0 being the one {@link #packet(int, int)}
     * uses. Only drivers made for Paris / multipath probing take other flows.
     */
    default byte[] packet(int key, int ttl, int flow) {
        if (flow != 0) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " probes a single flow");
        }
        return packet(key, ttl);
    }

    /** The probe this packet answers, or null when it is not ours. Must never throw on odd input. */
    Answer match(Inbound packet);

    /** Source port probes leave from (0 for ICMP). */
    int sourcePort();

    @Override
    default void close() {}

    record Answer(int key, InetAddress from, boolean destination) {}
}
