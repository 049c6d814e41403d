package io.edgeledger.probe.traceroute.net;

/** Raw sockets or packet capture were refused: the process lacks root / CAP_NET_RAW. */
public final class MissingPrivilegeException extends RuntimeException {
    public static final String HOW_TO_GRANT =
            "traceroute needs raw sockets and packet capture: run as root, or grant CAP_NET_RAW, e.g. "
                    + "'sudo setcap cap_net_raw+ep \"$(readlink -f \"$JAVA_HOME/bin/java\")\"' "
                    + "or run under 'systemd-run -p AmbientCapabilities=CAP_NET_RAW'";

    public MissingPrivilegeException(String what) {
        super(what + ": " + HOW_TO_GRANT);
    }
}
