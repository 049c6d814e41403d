package io.edgeledger.probe.traceroute.packet;

import java.net.InetAddress;

/**
 * The part of our probe an ICMP error quotes back: inner IP header and the first transport bytes.
 * Fields a quote did not carry are -1. Never trusted beyond what was bounds-checked.
 */
public record Quote(InetAddress src, InetAddress dst, int protocol, int ipId,
                    int srcPort, int dstPort, int udpLength, int udpChecksum, long tcpSeq,
                    int icmpType, int icmpId, int icmpSeq) {}
