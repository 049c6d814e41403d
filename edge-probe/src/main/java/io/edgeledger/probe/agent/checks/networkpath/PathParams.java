package io.edgeledger.probe.agent.checks.networkpath;

/**
 * What one path test needs, in the vocabulary of the traceroute CLI (DESIGN.md 2.1/2.3). The network_path check's
 * defaults differ from the CLI's where DESIGN 2.3 says so: timeout 1000 ms, max TTL 30.
 */
public record PathParams(String hostname, String protocol, int port, int maxTtl, int timeoutMillis,
        int tracerouteQueries, int e2eQueries, String tcpMethod, boolean ipv6, boolean reverseDns,
        boolean skipPrivateHops) {
    public static final int DEFAULT_PORT = 33434;
    public static final int DEFAULT_MAX_TTL = 30;
    public static final int DEFAULT_TIMEOUT_MS = 1000;
    public static final int DEFAULT_QUERIES = 3;
    public static final int DEFAULT_E2E_QUERIES = 50;
}
