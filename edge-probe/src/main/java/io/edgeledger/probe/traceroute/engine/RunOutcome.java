package io.edgeledger.probe.traceroute.engine;

import io.edgeledger.probe.traceroute.result.Hop;
import java.net.InetAddress;
import java.util.List;

/** What one traceroute run found, before enrichment (reverse DNS, private-hop filtering). */
public record RunOutcome(InetAddress source, int sourcePort, InetAddress destination, int destinationPort, List<Hop> hops) {}
