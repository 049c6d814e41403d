package io.edgeledger.probe.traceroute.engine;

import java.net.InetAddress;

/** The source address and interface the network would use towards a target. */
public record Route(InetAddress source, String device) {}
