package io.edgeledger.probe.traceroute;

import io.edgeledger.probe.traceroute.dns.ReverseDns;
import io.edgeledger.probe.traceroute.e2e.E2eProber;
import io.edgeledger.probe.traceroute.icmp.IcmpDriver;
import io.edgeledger.probe.traceroute.net.Capture;
import io.edgeledger.probe.traceroute.net.LocalRoute;
import io.edgeledger.probe.traceroute.net.RawSocket;
import io.edgeledger.probe.traceroute.publicip.PublicIp;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.HopCount;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.probe.traceroute.tcp.SackDriver;
import io.edgeledger.probe.traceroute.tcp.SackNotSupportedException;
import io.edgeledger.probe.traceroute.tcp.SynDriver;
import io.edgeledger.probe.traceroute.udp.UdpDriver;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The traceroute engine: {@code TracerouteEngine.run(params)} resolves the target, opens one raw
 * socket and one capture, runs the {@code -q} runs and the end-to-end probe concurrently, then adds
 * reverse DNS, the public IP and the private-hop filter. Needs root or CAP_NET_RAW
 * ({@link io.edgeledger.probe.traceroute.net.MissingPrivilegeException} otherwise).
 */
public final class TracerouteEngine {
    private static final long REVERSE_DNS_BUDGET_MS = 2000;
    private static final long PUBLIC_IP_BUDGET_MS = 3000;

    private TracerouteEngine() {}

    private static final boolean DEBUG = Boolean.getBoolean("edgeledger.traceroute.debug");
    private static final long T0 = System.nanoTime();

    static void debug(String what) {
        if (DEBUG) {
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
            System.err.printf("[%8.2f ms, process cpu %d ms] %s%n", (System.nanoTime() - T0) / 1e6, cpu, what);
        }
    }

    public static TracerouteResult run(TracerouteParams p) throws TracerouteException, InterruptedException {
        InetAddress target = Targets.resolve(p.hostname(), p.ipv6());
        boolean v6 = target instanceof Inet6Address;
        CompletableFuture<PublicIp> publicIp = p.sourcePublicIp()
                ? CompletableFuture.supplyAsync(() -> PublicIp.fetch(p.publicIpEndpoints(), PUBLIC_IP_BUDGET_MS))
                : null;
        debug("resolved");
        LocalRoute route;
        try {
            route = LocalRoute.to(target);
        } catch (IOException e) {
            throw new TracerouteException(e.getMessage(), e);
        }
        debug("route " + route);
        List<TracerouteRun> runs = new ArrayList<>();
        E2eProbe e2e;
        String protocol = p.protocol().wireName();
        try (RawSocket socket = RawSocket.open(v6);
             ProbeSession session = new ProbeSession(socket, openCapture(route, p, target, v6), target)) {
            debug("session open");
            SharedHopRtts shared = new SharedHopRtts(p.maxTtl());
            List<ReplyBoard> peers = new CopyOnWriteArrayList<>();
            List<FutureTask<RunOutcome>> tasks = new ArrayList<>();
            for (int i = 0; i < p.tracerouteQueries(); i++) {
                FutureTask<RunOutcome> task = new FutureTask<>(() -> oneRun(p, session, route.source(), target, shared, peers));
                tasks.add(task);
                Thread t = new Thread(task, "traceroute-run-" + i);
                t.setDaemon(true);
                t.start();
            }
            e2e = e2eProbe(p, session, route.source(), target);
            debug("e2e done");
            for (Future<RunOutcome> f : tasks) {
                RunOutcome o = get(f);
                runs.add(new TracerouteRun(UUID.randomUUID().toString(), o.source(), o.sourcePort(), o.destination(),
                        o.destinationPort(), List.of(), o.hops()));
            }
            debug("runs done");
        } catch (IOException e) {
            throw new TracerouteException("traceroute to " + target.getHostAddress() + " failed: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new TracerouteException("native support (JNA, libpcap) could not be loaded: " + rootMessage(e)
                    + " (is libpcap0.8 installed and the JNA temporary directory writable?)", e);
        }
        if (p.reverseDns()) {
            runs = withReverseDns(runs);
        }
        PublicIp pip = publicIp == null ? null : publicIp.join();
        TracerouteResult result = new TracerouteResult(UUID.randomUUID().toString(), protocol,
                pip == null ? "" : pip.address(), pip == null ? null : pip.error(), p.hostname(), p.port(),
                runs, HopCount.of(runs), e2e);
        return p.skipPrivateHops() ? result.withoutPrivateHops() : result;
    }

    private static Capture openCapture(LocalRoute route, TracerouteParams p, InetAddress target, boolean v6)
            throws IOException {
        debug("raw socket open");
        Capture c = Capture.open(route.device(), filter(p, route.source(), target, v6));
        debug("capture open");
        return c;
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
            if (c instanceof TracerouteException te) {
                throw te;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new TracerouteException("traceroute run failed: " + c.getMessage(), c);
        }
    }

    private static RunOutcome oneRun(TracerouteParams p, ProbeSession session, InetAddress src, InetAddress target,
                                     SharedHopRtts shared, List<ReplyBoard> peers) throws Exception {
        long timeout = p.timeoutMillis() * 1_000_000L;
        long delay = p.sendDelayMillis() * 1_000_000L;
        TcpMethod method = p.tcpMethod();
        if (p.protocol() == Protocol.TCP && method != TcpMethod.SYN) {
            SackDriver sack = new SackDriver(src, target, p.port(), p.maxTtl());
            try {
                TraceRun run = new TraceRun(session, sack, p.maxTtl(), timeout, delay, p.adaptiveWait(), shared, peers);
                sack.onReset(run.board()::abort);
                try {
                    sack.connect(p.timeoutMillis());
                } catch (SackNotSupportedException e) {
                    session.unregister(sack);
                    if (method == TcpMethod.SACK) {
                        throw new TracerouteException(e.getMessage(), e);
                    }
                    method = TcpMethod.SYN; // prefer_sack falls back, as upstream
                }
                if (method != TcpMethod.SYN) {
                    List<Hop> hops = p.parallelFor(method) ? run.parallel() : run.serial();
                    boolean reached = !hops.isEmpty() && hops.get(hops.size() - 1).destination();
                    if (reached || !sack.resetByPeer() || method == TcpMethod.SACK) {
                        return new RunOutcome(src, sack.sourcePort(), target, p.port(), hops);
                    }
                    method = TcpMethod.SYN; // prefer_sack: the destination reset the connection, trace with SYNs
                }
            } finally {
                sack.close();
            }
        }
        try (ProbeDriver d = driver(p, src, target, p.maxTtl())) {
            TraceRun run = new TraceRun(session, d, p.maxTtl(), timeout, delay, p.adaptiveWait(), shared, peers);
            List<Hop> hops = p.parallelFor(method) ? run.parallel() : run.serial();
            return new RunOutcome(src, d.sourcePort(), target, d.destinationPort(), hops);
        }
    }

    private static E2eProbe e2eProbe(TracerouteParams p, ProbeSession session, InetAddress src, InetAddress target)
            throws IOException, InterruptedException {
        if (p.e2eQueries() == 0) {
            return E2eProbe.NONE;
        }
        try (ProbeDriver d = driver(p, src, target, p.e2eQueries())) {
            return E2eProber.run(session, d, p.e2eQueries(), p.maxTtl(), p.e2eIntervalMillis(),
                    p.timeoutMillis() * 1_000_000L);
        }
    }

    /** Driver for traceroute runs and the e2e probe; SACK's e2e probe uses SYNs (no connection per probe). */
    private static ProbeDriver driver(TracerouteParams p, InetAddress src, InetAddress target, int maxKey)
            throws IOException {
        return switch (p.protocol()) {
            case UDP -> new UdpDriver(src, target, p.port(), maxKey);
            case ICMP -> new IcmpDriver(src, target, maxKey);
            case TCP -> new SynDriver(src, target, p.port(), maxKey);
        };
    }

    /** BPF: only replies addressed to us that a matcher could accept. */
    static String filter(TracerouteParams p, InetAddress src, InetAddress target, boolean v6) {
        String me = "dst host " + src.getHostAddress();
        String tcp = "(tcp and src host " + target.getHostAddress() + " and src port " + p.port() + ")";
        if (v6) {
            return p.protocol() == Protocol.TCP ? me + " and (icmp6 or " + tcp + ")" : me + " and icmp6";
        }
        String errors = "(icmp and (icmp[0] == 11 or icmp[0] == 3))";
        return switch (p.protocol()) {
            case UDP -> me + " and " + errors;
            case ICMP -> me + " and (" + errors + " or (icmp and icmp[0] == 0))";
            case TCP -> me + " and (" + errors + " or " + tcp + ")";
        };
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
        Map<InetAddress, List<String>> names = ReverseDns.lookup(all, REVERSE_DNS_BUDGET_MS);
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
