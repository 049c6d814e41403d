package io.edgeledger.probe.traceroute;

import java.util.Locale;

/**
 * How TCP probes are sent: bare SYNs, SACK-provoking data on a real connection, SACK with SYN fallback,
 * or kernel connects with a TTL and the socket error queue ({@code syn_socket}: no raw socket, no privilege).
 */
public enum TcpMethod {
    SYN, SACK, PREFER_SACK, SYN_SOCKET;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TcpMethod parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown tcp method '" + s + "': use syn, sack, prefer_sack or syn_socket");
        }
    }
}
