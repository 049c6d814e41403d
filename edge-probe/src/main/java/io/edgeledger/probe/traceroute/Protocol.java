package io.edgeledger.probe.traceroute;

import java.util.Locale;

/** Probe protocol; {@link #wireName()} is the upstream JSON spelling. */
public enum Protocol {
    UDP, TCP, ICMP;

    public String wireName() {
        return name();
    }

    public static Protocol parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown protocol '" + s + "': use udp, tcp or icmp");
        }
    }
}
