package io.edgeledger.probe.traceroute;

import io.edgeledger.probe.traceroute.dns.ReverseDns;
import io.edgeledger.probe.traceroute.e2e.E2eProber;
import io.edgeledger.probe.traceroute.engine.PacketNetwork;
import io.edgeledger.probe.traceroute.engine.PacketSink;
import io.edgeledger.probe.traceroute.engine.PacketSource;
import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.engine.ProbeException;
import io.edgeledger.probe.traceroute.engine.ProbeSession;
import io.edgeledger.probe.traceroute.engine.ProtocolTracer;
import io.edgeledger.probe.traceroute.engine.Route;
import io.edgeledger.probe.traceroute.engine.RunOutcome;
import io.edgeledger.probe.traceroute.engine.Trace;
import io.edgeledger.probe.traceroute.engine.TraceSettings;
import io.edgeledger.probe.traceroute.icmp.IcmpTracer;
import io.edgeledger.probe.traceroute.multipath.MultipathDiscovery;
import io.edgeledger.probe.traceroute.multipath.StoppingRule;
import io.edgeledger.probe.traceroute.net.HostNetwork;
import io.edgeledger.probe.traceroute.publicip.PublicIp;
import io.edgeledger.probe.traceroute.publicip.PublicIpLookup;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.HopCount;
import io.edgeledger.probe.traceroute.result.Multipath;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.probe.traceroute.tcp.TcpTracer;
import io.edgeledger.probe.traceroute.udp.UdpTracer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The traceroute entry point: {@code TracerouteEngine.run(params)} resolves the target, picks the
 * protocol's tracer, opens one packet sink and one packet source on the network (the host's by
 * default), runs the {@code -q} runs and the end-to-end probe concurrently, then adds reverse DNS,
 * the public IP and the private-hop filter. On the host it needs root or CAP_NET_RAW
 * ({@link io.edgeledger.probe.traceroute.net.MissingPrivilegeException} otherwise).
 */
public final class TracerouteEngine {

    private TracerouteEngine() {}

    /** Probe budget of one multipath discovery (what 30 TTLs of a 16-way load balancer need, with room). */
    static final int MULTIPATH_MAX_PROBES = 10_000;

    private static final boolean DEBUG = Boolean.getBoolean("edgeledger.traceroute.debug");
    private static final long T0 = System.nanoTime();

    static void debug(String what) {
        if (DEBUG) {
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
            System.err.printf("[%8.2f ms, process cpu %d ms] %s%n", (System.nanoTime() - T0) / 1e6, cpu, what);
        }
    }

    /** A trace on this host's network (raw sockets and libpcap). */
    public static TracerouteResult run(TracerouteParams p) throws TracerouteException, InterruptedException {
        return run(p, HostNetwork.INSTANCE);
    }

    /** A trace on the given network: the host's, or a virtual one in tests. */
    public static TracerouteResult run(TracerouteParams p, PacketNetwork network)
            throws TracerouteException, InterruptedException {
        InetAddress target = Targets.resolve(p.hostname(), p.ipv6());
        boolean v6 = target instanceof Inet6Address;
        CompletableFuture<PublicIp> publicIp = p.sourcePublicIp()
                ? CompletableFuture.supplyAsync(() -> PublicIpLookup.SHARED.fetch(p.publicIpEndpoints()))
                : null;
        debug("resolved");
        if (p.protocol() == Protocol.TCP && p.tcpMethod() == TcpMethod.SYN_SOCKET) {
            if (network != HostNetwork.INSTANCE) {
                throw new TracerouteException("syn_socket uses the host's TCP sockets, not a packet network");
            }
            if (p.multipath() || p.paris()) {
                throw new TracerouteException("--paris and --multipath pick each probe's ports and need raw sockets;"
                        + " syn_socket leaves the ports to the kernel");
            }
            return finish(p, publicIp, SynSocketTrace.runs(p, target), SynSocketTrace.e2e(p, target), null);
        }
        ProtocolTracer tracer = tracer(p);
        List<TracerouteRun> runs = new ArrayList<>();
        E2eProbe e2e;
        Multipath multipath = null;
        try {
            Route route = network.route(target);
            debug("route " + route);
            try (ProbeSession session = openSession(network, route, tracer, target, v6)) {
                debug("session open");
                Trace trace = new Trace(network, session, route.source(), target, settings(p));
                List<FutureTask<RunOutcome>> tasks = new ArrayList<>();
                for (int i = 0; i < p.tracerouteQueries(); i++) {
                    FutureTask<RunOutcome> task = new FutureTask<>(() -> tracer.trace(trace));
                    tasks.add(task);
                    Thread t = new Thread(task, "traceroute-run-" + i);
                    t.setDaemon(true);
                    t.start();
                }
                e2e = e2eProbe(p, tracer, trace);
                debug("e2e done");
                for (Future<RunOutcome> f : tasks) {
                    RunOutcome o = get(f);
                    runs.add(new TracerouteRun(UUID.randomUUID().toString(), o.source(), o.sourcePort(),
                            o.destination(), o.destinationPort(), List.of(), o.hops()));
                }
                debug("runs done");
                if (p.multipath()) {
                    multipath = multipath(p, tracer, trace);
                    debug("multipath done");
                }
            }
        } catch (IOException e) {
            throw new TracerouteException("traceroute to " + target.getHostAddress() + " failed: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new TracerouteException("native support (JNA, libpcap) could not be loaded: " + rootMessage(e)
                    + " (is libpcap0.8 installed and the JNA temporary directory writable?)", e);
        }
        return finish(p, publicIp, runs, e2e, multipath);
    }

    private static Multipath multipath(TracerouteParams p, ProtocolTracer tracer, Trace trace)
            throws IOException, InterruptedException {
        try (ProbeDriver d = tracer.multipathDriver(trace, MULTIPATH_MAX_PROBES)) {
            return new MultipathDiscovery(trace.session(), d, new StoppingRule(p.multipathConfidence()), p.maxTtl(),
                    p.timeoutMillis() * 1_000_000L, MULTIPATH_MAX_PROBES).run();
        }
    }

    /** Reverse DNS, public IP and the private-hop filter, whatever way the runs were made. */
    private static TracerouteResult finish(TracerouteParams p, CompletableFuture<PublicIp> publicIp,
                                           List<TracerouteRun> runs, E2eProbe e2e, Multipath multipath) {
        if (p.reverseDns()) {
            runs = withReverseDns(runs);
        }
        PublicIp pip = publicIp == null ? null : publicIp.join();
        TracerouteResult result = new TracerouteResult(UUID.randomUUID().toString(), p.protocol().wireName(),
                pip == null ? "" : pip.address(), pip == null ? null : pip.error(), p.hostname(), p.port(),
                runs, HopCount.of(runs), e2e, multipath);
        return p.skipPrivateHops() ? result.withoutPrivateHops() : result;
    }

    /** The protocol's tracer: the only place that maps the parameters' protocol and TCP method. */
    static ProtocolTracer tracer(TracerouteParams p) {
        return switch (p.protocol()) {
            case UDP -> new UdpTracer(p.port(), p.parisRuns());
            case ICMP -> new IcmpTracer(p.parisRuns());
            case TCP -> switch (p.tcpMethod()) {
                case SYN -> TcpTracer.syn(p.port());
                case SACK -> TcpTracer.sack(p.port());
                case PREFER_SACK -> TcpTracer.preferSack(p.port());
                case SYN_SOCKET -> throw new IllegalStateException("syn_socket sends no packets itself");
            };
        };
    }

    /** Parallel unless --serial: the default for every protocol and TCP method (DESIGN 2.1). */
    static TraceSettings settings(TracerouteParams p) {
        return new TraceSettings(p.maxTtl(), p.timeoutMillis() * 1_000_000L, p.sendDelayMillis() * 1_000_000L,
                p.adaptiveWait(), !Boolean.FALSE.equals(p.parallel()));
    }

    private static ProbeSession openSession(PacketNetwork network, Route route, ProtocolTracer tracer,
                                            InetAddress target, boolean v6) throws IOException {
        PacketSink sink = network.openSink(v6);
        debug("raw socket open");
        try {
            PacketSource source = network.openSource(route, tracer.captureFilter(route.source(), target));
            debug("capture open");
            return new ProbeSession(sink, source, target);
        } catch (IOException | RuntimeException | LinkageError e) {
            sink.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.toString();
    }

    private static RunOutcome get(Future<RunOutcome> f) throws TracerouteException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ProbeException pe) {
                throw new TracerouteException(pe.getMessage(), pe);
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new TracerouteException("traceroute run failed: " + c.getMessage(), c);
        }
    }

    private static E2eProbe e2eProbe(TracerouteParams p, ProtocolTracer tracer, Trace trace)
            throws IOException, InterruptedException {
        if (p.e2eQueries() == 0) {
            return E2eProbe.NONE;
        }
        try (ProbeDriver d = tracer.e2eDriver(trace, p.e2eQueries())) {
            return E2eProber.run(trace.session(), d, p.e2eQueries(), p.maxTtl(), p.e2eIntervalMillis(),
                    p.timeoutMillis() * 1_000_000L);
        }
    }

    private static List<TracerouteRun> withReverseDns(List<TracerouteRun> runs) {
        Set<InetAddress> all = new HashSet<>();
        for (TracerouteRun r : runs) {
            all.add(r.destination());
            for (Hop h : r.hops()) {
                if (h.ip() != null) {
                    all.add(h.ip());
                }
            }
        }
        Map<InetAddress, List<String>> names = ReverseDns.SHARED.lookup(all);
        List<TracerouteRun> out = new ArrayList<>();
        for (TracerouteRun r : runs) {
            List<Hop> hops = new ArrayList<>();
            for (Hop h : r.hops()) {
                hops.add(h.ip() == null ? h : h.withReverseDns(names.getOrDefault(h.ip(), List.of())));
            }
            out.add(new TracerouteRun(r.runId(), r.source(), r.sourcePort(), r.destination(), r.destinationPort(),
                    names.getOrDefault(r.destination(), List.of()), hops));
        }
        return out;
    }
}
