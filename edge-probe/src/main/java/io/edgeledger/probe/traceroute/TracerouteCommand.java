package io.edgeledger.probe.traceroute;

import io.edgeledger.probe.traceroute.engine.AdaptiveWait;
import io.edgeledger.probe.traceroute.net.MissingPrivilegeException;
import io.edgeledger.probe.traceroute.net.Terminal;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code edge-probe traceroute [flags] HOST}: datadog-traceroute's flags and defaults, plus ours. */
@Command(name = "traceroute", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trace the network path to a host (datadog-traceroute compatible).",
        footer = {"", "Exit codes: 0 ok, 2 bad usage, 3 resolution failed, 4 missing privilege (root or CAP_NET_RAW; a TCP trace uses syn_socket instead, with a warning), 1 other error."})
public final class TracerouteCommand implements Callable<Integer> {
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_RESOLUTION = 3;
    public static final int EXIT_PRIVILEGE = 4;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "Host name or IP address to trace.")
    String host;

    @Option(names = {"-P", "--proto"}, defaultValue = "udp", description = "udp, tcp or icmp (default: ${DEFAULT-VALUE}).")
    String proto;

    @Option(names = {"-p", "--port"}, defaultValue = "33434", description = "Destination port: UDP base port or TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-q", "--traceroute-queries"}, defaultValue = "3", description = "Traceroute runs, executed concurrently (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = {"-m", "--max-ttl"}, defaultValue = "30", description = "Maximum TTL (default: ${DEFAULT-VALUE}).")
    int maxTtl;

    @Option(names = "--timeout", defaultValue = "3000", description = "Per-probe wait in ms (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--tcp-method", defaultValue = "syn", description = "syn, sack, prefer_sack or syn_socket (kernel connects with a TTL, ICMP errors from the "
                    + "socket error queue: needs no CAP_NET_RAW; chosen with a warning when TCP lacks the privilege) "
                    + "(default: ${DEFAULT-VALUE}).")
    String tcpMethod;

    @Option(names = {"-Q", "--e2e-queries"}, defaultValue = "50", description = "End-to-end probes to the destination (default: ${DEFAULT-VALUE}).")
    int e2eQueries;

    @Option(names = "--ipv6", description = "Resolve and trace over IPv6.")
    boolean ipv6;

    @Option(names = "--reverse-dns", description = "Fill reverse_dns per hop (bounded time, cached).")
    boolean reverseDns;

    @Option(names = "--source-public-ip", description = "Fill source.public_ip from the public IP endpoints.")
    boolean sourcePublicIp;

    @Option(names = "--skip-private-hops", description = "Drop RFC 1918 / unique-local hops from the output.")
    boolean skipPrivateHops;

    @Option(names = "--parallel", description = "Send all TTLs at once, ending with the adaptive wait (the default, every protocol and TCP method).")
    boolean parallel;

    @Option(names = "--serial", description = "One TTL at a time, each waited for up to --timeout (upstream's TCP SYN behaviour).")
    boolean serial;

    @Option(names = "--wait", paramLabel = "HERE,NEAR[,MIN_MS]", defaultValue = "3,10,10",
            description = "Adaptive wait of parallel runs, like Linux traceroute -w MAX,HERE,NEAR with MAX = --timeout: "
                    + "give up on a hop after HERE x the RTT seen at that TTL, or NEAR x the RTT of the nearest farther hop, "
                    + "never below MIN_MS. 0,0 waits the full timeout (default: ${DEFAULT-VALUE}).")
    String adaptiveWait;

    @Option(names = "--paris", description = "Paris traceroute: each run keeps one flow identifier, so per-flow load "
            + "balancers send all its probes one way (UDP: fixed ports and payload length, the probe identity in the "
            + "UDP checksum; ICMP: a constant checksum; TCP SYN: fixed ports, as always).")
    boolean paris;

    @Option(names = "--multipath", description = "Also run multipath discovery (MDA, as Paris traceroute and scamper "
            + "tracelb): vary the flow identifier, probe each hop until every next hop is found at --confidence, "
            + "and add a \"multipath\" section (interfaces per TTL, links, probe counts). Implies --paris for the runs. "
            + "UDP varies the destination port, TCP (any method: SYN probes) the source port, ICMP the checksum.")
    boolean multipath;

    @Option(names = "--confidence", paramLabel = "PCT", defaultValue = "95", description = "Confidence of multipath "
            + "discovery: the chance that every next hop of each load-balancing hop is found (per hop, as "
            + "Paris traceroute and scamper), 50..99 percent (default: ${DEFAULT-VALUE}).")
    int confidence;

    @Option(names = "--delay", defaultValue = "0", description = "Delay between probes in ms (default: ${DEFAULT-VALUE}).")
    int delay;

    @Option(names = "--e2e-interval", defaultValue = "2", description = "Interval between end-to-end probes in ms (default: ${DEFAULT-VALUE}).")
    int e2eInterval;

    @Option(names = "--public-ip-endpoint", paramLabel = "URL", description = "Endpoint answering the caller's IP, tried in order (repeatable; default: upstream's icanhazip.com, "
                    + "ipinfo.io/ip, checkip.amazonaws.com, api.ipify.org, whatismyip.akamai.com).")
    List<String> publicIpEndpoints;

    @Option(names = "--format", description = "json or table (default: table on a terminal, json otherwise).")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Report timings on stderr.")
    boolean verbose;

    @Option(names = "--windows-driver", description = "Windows only (upstream's kernel driver): accepted for "
            + "compatibility and refused on this platform.")
    boolean windowsDriver;

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs with already-populated options (by picocli, or by {@link FastArgs} on the launcher's fast path). */
    int execute(PrintWriter out, PrintWriter err) {
        TracerouteParams params;
        boolean table;
        try {
            if (windowsDriver && !System.getProperty("os.name", "").startsWith("Windows")) {
                throw new IllegalArgumentException("--windows-driver selects upstream's Windows kernel driver and "
                        + "works only on Windows; on " + System.getProperty("os.name") + " leave it out (raw sockets "
                        + "are used, or --tcp-method syn_socket without CAP_NET_RAW)");
            }
            if (parallel && serial) {
                throw new IllegalArgumentException("--parallel and --serial exclude each other");
            }
            table = format == null ? Terminal.stdoutIsTerminal() : switch (format) {
                case "json" -> false;
                case "table", "text" -> true;
                default -> throw new IllegalArgumentException("--format must be json or table, got '" + format + "'");
            };
            params = new TracerouteParams(host, Protocol.parse(proto), port, queries, maxTtl, timeout,
                    TcpMethod.parse(tcpMethod), e2eQueries, ipv6, reverseDns, sourcePublicIp, skipPrivateHops,
                    parallel ? Boolean.TRUE : serial ? Boolean.FALSE : null, AdaptiveWait.parse(adaptiveWait), delay,
                    e2eInterval, publicIpEndpoints == null ? TracerouteParams.DEFAULT_PUBLIC_IP_ENDPOINTS : publicIpEndpoints,
                    paris, multipath ? confidence : 0);
            if (!multipath && confidence != TracerouteParams.DEFAULT_MULTIPATH_CONFIDENCE) {
                throw new IllegalArgumentException("--confidence applies to --multipath only");
            }
        } catch (IllegalArgumentException e) {
            err.println("edge-probe traceroute: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        long t0 = System.nanoTime();
        try {
            TracerouteResult result;
            try {
                result = TracerouteEngine.run(params);
            } catch (MissingPrivilegeException e) {
                if (params.protocol() != Protocol.TCP) {
                    throw e;
                }
                err.println("edge-probe traceroute: warning: " + e.getMessage() + "; using --tcp-method syn_socket"
                        + " (kernel connects, no raw socket)");
                err.flush();
                result = TracerouteEngine.run(params.withTcpMethod(TcpMethod.SYN_SOCKET));
            }
            if (verbose) {
                err.printf("edge-probe traceroute: engine %.1f ms%n", (System.nanoTime() - t0) / 1e6);
                err.flush();
            }
            if (result.publicIpError() != null) {
                err.println("edge-probe traceroute: warning: " + result.publicIpError());
                err.flush();
            }
            out.print(table ? result.toTable() : result.toJson() + "\n");
            out.flush();
            return 0;
        } catch (TracerouteException.Resolution e) {
            return fail(err, e.getMessage(), EXIT_RESOLUTION);
        } catch (MissingPrivilegeException e) {
            return fail(err, e.getMessage(), EXIT_PRIVILEGE);
        } catch (TracerouteException e) {
            return fail(err, e.getMessage(), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted", 1);
        } catch (RuntimeException e) {
            return fail(err, "unexpected error: " + e, 1);
        }
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("edge-probe traceroute: " + message);
        err.flush();
        return code;
    }
}
