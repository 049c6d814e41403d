package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one traceroute test asks for, the one definition behind a backend job's {@code params}, the probe's
 * {@code GET /traceroute} query (DESIGN.md 2.2) and a {@code network_path} check instance (2.3), with one set of limits.
 * JSON and query strings use the query names ({@code max-ttl}, {@code tcp-method}); a check instance uses snake_case
 * and calls the target {@code hostname}. Defaults are datadog-traceroute's, except the agent's 1000 ms timeout for
 * checks and jobs. {@code paris}, {@code multipath} and {@code confidence} are the probe CLI's Paris traceroute and
 * multipath discovery (MDA) options: {@code confidence} (percent) only means something with {@code multipath}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TracerouteSpec(
        @JsonProperty("target") String target,
        @JsonProperty("protocol") Protocol protocol,
        @JsonProperty("port") int port,
        @JsonProperty("max-ttl") int maxTtl,
        @JsonProperty("timeout") int timeoutMillis,
        @JsonProperty("traceroute-queries") int tracerouteQueries,
        @JsonProperty("e2e-queries") int e2eQueries,
        @JsonProperty("tcp-method") TcpMethod tcpMethod,
        @JsonProperty("ipv6") boolean ipv6,
        @JsonProperty("reverse-dns") boolean reverseDns,
        @JsonProperty("skip-private-hops") boolean skipPrivateHops,
        @JsonProperty("source-public-ip") boolean sourcePublicIp,
        /* null: the probe's default for the protocol */
        @JsonProperty("parallel") Boolean parallel,
        @JsonProperty("paris") boolean paris,
        @JsonProperty("multipath") boolean multipath,
        @JsonProperty("confidence") int confidence) {

    public static final int DEFAULT_PORT = 33434;
    public static final int DEFAULT_MAX_TTL = 30;
    public static final int DEFAULT_QUERIES = 3;
    public static final int DEFAULT_E2E_QUERIES = 50;
    /** datadog-traceroute's per-probe wait, for the CLI and the HTTP server. */
    public static final int DEFAULT_TIMEOUT_MS = 3000;
    /** DESIGN.md 2.3: the agent's network_path check (and backend jobs) wait 1000 ms per probe. */
    public static final int AGENT_TIMEOUT_MS = 1000;

    public static final int MAX_TTL = 255;
    public static final int MAX_QUERIES = 100;
    public static final int MAX_TIMEOUT_MS = 600_000;
    public static final int MAX_E2E_QUERIES = 10_000;
    public static final int MAX_TARGET_LENGTH = 253;
    /** The probe CLI's --confidence: multipath discovery finds every next hop with this probability (percent). */
    public static final int DEFAULT_CONFIDENCE = 95;
    public static final int MIN_CONFIDENCE = 50;
    public static final int MAX_CONFIDENCE = 99;
    /** Host names (letters, digits, '.', '-', '_') and IP literals (IPv6 adds ':'); nothing a resolver would choke on. */
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9._:-]+");

    public TracerouteSpec {
        if (target == null || target.isBlank()) {
            throw new InvalidFieldException("target", "is required");
        }
        if (target.length() > MAX_TARGET_LENGTH || !TARGET.matcher(target).matches()) {
            throw new InvalidFieldException("target", "must be a host name or IP address (at most " + MAX_TARGET_LENGTH
                    + " letters, digits, '.', '-', '_' or ':')");
        }
        if (protocol == null) {
            throw new InvalidFieldException("protocol", "is required: udp, tcp or icmp");
        }
        if (tcpMethod == null) {
            throw new InvalidFieldException("tcp-method", "is required: syn, sack or prefer_sack");
        }
        range("port", port, 1, 65535);
        range("max-ttl", maxTtl, 1, MAX_TTL);
        range("timeout", timeoutMillis, 1, MAX_TIMEOUT_MS);
        range("traceroute-queries", tracerouteQueries, 1, MAX_QUERIES);
        range("e2e-queries", e2eQueries, 0, MAX_E2E_QUERIES);
        range("confidence", confidence, MIN_CONFIDENCE, MAX_CONFIDENCE);
        if (!multipath && confidence != DEFAULT_CONFIDENCE) {
            throw new InvalidFieldException("confidence", "applies to multipath only (set multipath too)");
        }
    }

    /** A spec without Paris mode or multipath discovery. */
    public TracerouteSpec(String target, Protocol protocol, int port, int maxTtl, int timeoutMillis, int tracerouteQueries,
                          int e2eQueries, TcpMethod tcpMethod, boolean ipv6, boolean reverseDns, boolean skipPrivateHops,
                          boolean sourcePublicIp, Boolean parallel) {
        this(target, protocol, port, maxTtl, timeoutMillis, tracerouteQueries, e2eQueries, tcpMethod, ipv6, reverseDns,
                skipPrivateHops, sourcePublicIp, parallel, false, false, DEFAULT_CONFIDENCE);
    }

    /** A spec for {@code target} with datadog-traceroute's defaults. */
    public static TracerouteSpec defaults(String target) {
        return new TracerouteSpec(target, Protocol.UDP, DEFAULT_PORT, DEFAULT_MAX_TTL, DEFAULT_TIMEOUT_MS, DEFAULT_QUERIES,
                DEFAULT_E2E_QUERIES, TcpMethod.SYN, false, false, false, false, null);
    }

    /** A job's {@code params} object: query names, the agent's defaults, unknown names refused. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TracerouteSpec fromJson(Map<String, Object> params) {
        return TracerouteSpecReader.JSON.read(params);
    }

    /** {@code GET /traceroute} query parameters (already decoded, see {@link QueryString}): datadog's defaults. */
    public static TracerouteSpec fromQuery(Map<String, String> query) {
        return TracerouteSpecReader.QUERY.read(query);
    }

    /** A network_path check instance as a plain YAML map: snake_case keys, {@code hostname}, the agent's defaults. */
    public static TracerouteSpec fromInstance(Map<String, ?> instance) {
        return TracerouteSpecReader.INSTANCE.read(instance);
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidFieldException(field, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Probe protocol; JSON and query strings spell it lower-case and read it in any case. */
    public enum Protocol {
        UDP, TCP, ICMP;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Protocol parse(String s) {
            for (Protocol p : values()) {
                if (p.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return p;
                }
            }
            throw new InvalidFieldException("protocol", "must be udp, tcp or icmp, got '" + s + "'");
        }
    }

    /** How TCP probes are sent: bare SYNs, SACK-provoking data on a real connection, or SACK with SYN fallback. */
    public enum TcpMethod {
        SYN, SACK, PREFER_SACK;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static TcpMethod parse(String s) {
            for (TcpMethod m : values()) {
                if (m.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return m;
                }
            }
            throw new InvalidFieldException("tcp-method", "must be syn, sack or prefer_sack, got '" + s + "'");
        }
    }
}
