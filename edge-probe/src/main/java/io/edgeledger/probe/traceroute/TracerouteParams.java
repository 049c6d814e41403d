package io.edgeledger.probe.traceroute;

import io.edgeledger.probe.traceroute.engine.AdaptiveWait;
import io.edgeledger.wire.TracerouteSpec;
import java.util.List;

/**
 * Everything a traceroute test needs; defaults are datadog-traceroute's (DESIGN 2.1). {@code parallel}
 * null means the default, parallel for every protocol and TCP method (DESIGN 2.1); false is {@code --serial}.
 * {@code paris}: every run keeps one flow identifier (Paris traceroute); {@code multipathConfidence} &gt; 0
 * adds multipath discovery (MDA) at that confidence in percent (its runs are Paris runs too).
 */
public record TracerouteParams(String hostname, Protocol protocol, int port, int tracerouteQueries, int maxTtl,
                               int timeoutMillis, TcpMethod tcpMethod, int e2eQueries, boolean ipv6,
                               boolean reverseDns, boolean sourcePublicIp, boolean skipPrivateHops,
                               Boolean parallel, AdaptiveWait adaptiveWait, int sendDelayMillis,
                               int e2eIntervalMillis, List<String> publicIpEndpoints, boolean paris,
                               int multipathConfidence) {
    public static final int DEFAULT_PORT = 33434;
    public static final int DEFAULT_MULTIPATH_CONFIDENCE = 95;

    /** Without Paris mode or multipath discovery (upstream's runs). */
    public TracerouteParams(String hostname, Protocol protocol, int port, int tracerouteQueries, int maxTtl,
                            int timeoutMillis, TcpMethod tcpMethod, int e2eQueries, boolean ipv6,
                            boolean reverseDns, boolean sourcePublicIp, boolean skipPrivateHops,
                            Boolean parallel, AdaptiveWait adaptiveWait, int sendDelayMillis,
                            int e2eIntervalMillis, List<String> publicIpEndpoints) {
        this(hostname, protocol, port, tracerouteQueries, maxTtl, timeoutMillis, tcpMethod, e2eQueries, ipv6,
                reverseDns, sourcePublicIp, skipPrivateHops, parallel, adaptiveWait, sendDelayMillis,
                e2eIntervalMillis, publicIpEndpoints, false, 0);
    }
    public static final List<String> DEFAULT_PUBLIC_IP_ENDPOINTS =
            io.edgeledger.probe.traceroute.publicip.PublicIpLookup.UPSTREAM_ENDPOINTS;

    public TracerouteParams {
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("a target host is required");
        }
        check(port, 1, 65535, "port");
        check(tracerouteQueries, 1, 100, "traceroute-queries");
        check(maxTtl, 1, 255, "max-ttl");
        check(timeoutMillis, 1, 600_000, "timeout (ms)");
        check(e2eQueries, 0, 10_000, "e2e-queries");
        check(sendDelayMillis, 0, 10_000, "delay (ms)");
        check(e2eIntervalMillis, 0, 10_000, "e2e-interval (ms)");
        publicIpEndpoints = List.copyOf(publicIpEndpoints);
        if (multipathConfidence != 0) {
            check(multipathConfidence, 50, 99, "multipath confidence (%)");
        }
    }

    public boolean multipath() {
        return multipathConfidence > 0;
    }

    /** Paris runs: asked for, or implied by multipath discovery. */
    public boolean parisRuns() {
        return paris || multipath();
    }

    public TracerouteParams withParis(boolean on) {
        return new TracerouteParams(hostname, protocol, port, tracerouteQueries, maxTtl, timeoutMillis, tcpMethod,
                e2eQueries, ipv6, reverseDns, sourcePublicIp, skipPrivateHops, parallel, adaptiveWait,
                sendDelayMillis, e2eIntervalMillis, publicIpEndpoints, on, multipathConfidence);
    }

    /** Multipath discovery at this confidence in percent (0: off). */
    public TracerouteParams withMultipath(int confidencePercent) {
        return new TracerouteParams(hostname, protocol, port, tracerouteQueries, maxTtl, timeoutMillis, tcpMethod,
                e2eQueries, ipv6, reverseDns, sourcePublicIp, skipPrivateHops, parallel, adaptiveWait,
                sendDelayMillis, e2eIntervalMillis, publicIpEndpoints, paris, confidencePercent);
    }

    private static void check(int v, int min, int max, String name) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
        }
    }

    /**
     * The engine's input for a test asked for over the wire (a job, a check instance, the HTTP server): the one place a
     * {@link TracerouteSpec} becomes engine parameters; what the spec does not carry keeps the engine's defaults.
     */
    public static TracerouteParams of(TracerouteSpec spec) {
        TracerouteParams d = defaults(spec.target());
        return new TracerouteParams(spec.target(), Protocol.valueOf(spec.protocol().name()), spec.port(),
                spec.tracerouteQueries(), spec.maxTtl(), spec.timeoutMillis(), TcpMethod.valueOf(spec.tcpMethod().name()),
                spec.e2eQueries(), spec.ipv6(), spec.reverseDns(), spec.sourcePublicIp(), spec.skipPrivateHops(),
                spec.parallel(), d.adaptiveWait(), d.sendDelayMillis(), d.e2eIntervalMillis(), d.publicIpEndpoints(),
                spec.paris(), spec.multipath() ? spec.confidence() : 0);
    }

    public static TracerouteParams defaults(String hostname) {
        return new TracerouteParams(hostname, Protocol.UDP, DEFAULT_PORT, 3, 30, 3000, TcpMethod.SYN, 50, false,
                false, false, false, null, AdaptiveWait.DEFAULT, 0, 2, DEFAULT_PUBLIC_IP_ENDPOINTS);
    }

    public TracerouteParams withProtocol(Protocol p) {
        return new TracerouteParams(hostname, p, port, tracerouteQueries, maxTtl, timeoutMillis, tcpMethod, e2eQueries,
                ipv6, reverseDns, sourcePublicIp, skipPrivateHops, parallel, adaptiveWait, sendDelayMillis,
                e2eIntervalMillis, publicIpEndpoints, paris, multipathConfidence);
    }

    public TracerouteParams withTcpMethod(TcpMethod m) {
        return new TracerouteParams(hostname, protocol, port, tracerouteQueries, maxTtl, timeoutMillis, m,
                e2eQueries, ipv6, reverseDns, sourcePublicIp, skipPrivateHops, parallel, adaptiveWait,
                sendDelayMillis, e2eIntervalMillis, publicIpEndpoints, paris, multipathConfidence);
    }

    public TracerouteParams withPort(int p) {
        return new TracerouteParams(hostname, protocol, p, tracerouteQueries, maxTtl, timeoutMillis, tcpMethod,
                e2eQueries, ipv6, reverseDns, sourcePublicIp, skipPrivateHops, parallel, adaptiveWait,
                sendDelayMillis, e2eIntervalMillis, publicIpEndpoints, paris, multipathConfidence);
    }
}
