package io.edgeledger.probe.traceroute;

import java.util.Locale;

/** How TCP probes are sent: bare SYNs, SACK-provoking data on a real connection, or SACK with SYN fallback. */
public enum TcpMethod {
    SYN, SACK, PREFER_SACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TcpMethod parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown tcp method '" + s + "': use syn, sack or prefer_sack");
        }
    }
}
