package io.edgeledger.probe.traceroute.packet;

/** IP protocol numbers the engine sends or reads. */
public final class IpProto {
    private IpProto() {}

    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;
}
