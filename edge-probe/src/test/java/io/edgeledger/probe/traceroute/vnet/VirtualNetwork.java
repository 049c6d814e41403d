package io.edgeledger.probe.traceroute.vnet;

import io.edgeledger.probe.traceroute.engine.PacketNetwork;
import io.edgeledger.probe.traceroute.engine.PacketSink;
import io.edgeledger.probe.traceroute.engine.PacketSource;
import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.engine.Route;
import io.edgeledger.probe.traceroute.engine.TcpConnection;
import io.edgeledger.probe.traceroute.packet.Replies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated chain, source → routers → destination, on IPv4 and IPv6 at once, behind the engine's
 * packet seam: probes written to its sink travel the chain (each router decrements the TTL), answers
 * come back through its sources after the path's delay, through the protocol's real BPF filter
 * (compiled by libpcap, no privilege needed). Runs as any user, in milliseconds. Only documentation
 * addresses (198.18.0.0/15, 2001:db8::/32) appear, and no packet leaves the JVM.
 */
public final class VirtualNetwork implements PacketNetwork, AutoCloseable {
    /** One-way delay per link: hop N answers after about 2 × N × this. */
    private static final long LINK_DELAY_MICROS = 100;

    private final InetAddress sourceV4 = ip("198.18.0.2");
    private final InetAddress sourceV6 = ip("2001:db8::2");
    private final List<Router> routers = new ArrayList<>();
    /** The routers at TTL 1 (several: the source balances per flow too). */
    private final List<Router> firstHops = new ArrayList<>();
    private final Map<String, Router> named = new LinkedHashMap<>();
    private final Destination destination;
    private final List<VirtualSource> sources = new CopyOnWriteArrayList<>();
    private final Map<Integer, VirtualConnection> kernelSockets = new ConcurrentHashMap<>();
    private final List<ProbeView> sent = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextPort = new AtomicInteger(40000);
    private final ScheduledThreadPoolExecutor wire = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "virtual-network");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean holding;
    private final List<Runnable> held = new ArrayList<>();

    private VirtualNetwork(int routerCount) {
        for (int i = 1; i <= routerCount; i++) {
            Router r = new Router(ip("198.18." + i + ".1"), ip("2001:db8:0:" + i + "::1"));
            if (i == 1) {
                firstHops.add(r);
            } else {
                routers.get(i - 2).linkTo(r);
            }
            routers.add(r);
        }
        destination = new Destination(ip("198.18.100.2"), ip("2001:db8:0:100::2"));
    }

    /** Source, {@code routers} routers, destination: the destination is at TTL routers + 1. */
    public static VirtualNetwork chain(int routers) {
        return new VirtualNetwork(routers);
    }

    /**
     * Per-flow load-balanced paths: {@code layers} lists the router names at each TTL (e.g.
     * {@code [["a"], ["b1", "b2"], ["c"]]}); each router links to every router of the next layer unless
     * {@link #link} says otherwise; the last layer links to the destination. A router with several next
     * hops picks one by a hash of the flow (addresses, protocol, first four transport bytes) salted with
     * its own address, so nested balancers choose independently, as real ones with their own seeds do.
     * Router "name" at TTL t, position i (1-based) has 198.18.t.(10 + i) and 2001:db8:0:t::(10 + i).
     */
    public static VirtualNetwork balanced(List<List<String>> layers) {
        VirtualNetwork net = new VirtualNetwork(0);
        List<Router> previous = null;
        for (int t = 1; t <= layers.size(); t++) {
            List<Router> layer = new ArrayList<>();
            List<String> names = layers.get(t - 1);
            for (int i = 1; i <= names.size(); i++) {
                Router r = new Router(ip("198.18." + t + "." + (10 + i)), ip("2001:db8:0:" + t + "::" + (10 + i)));
                net.named.put(names.get(i - 1), r);
                layer.add(r);
            }
            if (previous == null) {
                net.firstHops.addAll(layer);
            } else {
                for (Router p : previous) {
                    p.linkTo(layer.toArray(Router[]::new));
                }
            }
            previous = layer;
        }
        return net;
    }

    /** Replaces the next hops of router {@code from} (of {@link #balanced}); no names: the destination. */
    public VirtualNetwork link(String from, String... to) {
        Router r = named(from);
        r.next().clear();
        for (String t : to) {
            r.linkTo(named(t));
        }
        return this;
    }

    public Router named(String name) {
        Router r = named.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no router " + name);
        }
        return r;
    }

    /** The router at this TTL (1-based), to configure. */
    public Router router(int ttl) {
        return routers.get(ttl - 1);
    }

    public Destination destination() {
        return destination;
    }

    /** Expected address per TTL (index 0 = TTL 1), null where silent, ending with the destination. */
    public List<String> path(boolean ipv6) {
        List<String> out = new ArrayList<>();
        for (Router r : routers) {
            out.add(r.shownAs(ipv6));
        }
        out.add(destination.address(ipv6));
        return out;
    }

    /** Every packet the engine sent (probes and handshakes), in order. */
    public List<ProbeView> sent() {
        return List.copyOf(sent);
    }

    /** What the source saw happen, in order: "probe TTL" per packet sent, "reply" per packet delivered. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Keeps every answer back until {@link #release()}: shows what was sent before anything was heard. */
    public synchronized void hold() {
        holding = true;
    }

    public synchronized void release() {
        holding = false;
        held.forEach(wire::execute);
        held.clear();
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Override
    public Route route(InetAddress target) {
        return new Route(target.getAddress().length == 16 ? sourceV6 : sourceV4, "vnet0");
    }

    @Override
    public PacketSink openSink(boolean ipv6) {
        return new PacketSink() {
            @Override
            public void send(byte[] ipPacket, InetAddress dst) {
                transmit(ipPacket.clone());
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public PacketSource openSource(Route route, String bpfFilter) throws IOException {
        VirtualSource s = new VirtualSource(bpfFilter, sources::remove);
        sources.add(s);
        return s;
    }

    @Override
    public PortLease reserveUdpPort(InetAddress source) {
        return PortLease.fixed(nextPort.getAndIncrement());
    }

    @Override
    public PortLease reserveTcpPort(InetAddress source) {
        return PortLease.fixed(nextPort.getAndIncrement());
    }

    @Override
    public TcpConnection tcpConnection(InetAddress source) {
        VirtualConnection c = new VirtualConnection(this, source, nextPort.getAndIncrement());
        kernelSockets.put(c.port(), c);
        return c;
    }

    void forget(VirtualConnection c) {
        kernelSockets.remove(c.port());
    }

    /** A packet leaves the source: walk the chain and schedule whatever answers it. */
    void transmit(byte[] packet) {
        ProbeView p = ProbeView.of(packet);
        sent.add(p);
        log.add("probe " + p.ttl());
        boolean v6 = p.v6();
        if (!p.src().equals(v6 ? sourceV6 : sourceV4)) {
            return; // spoofed source: the first router drops it
        }
        long delay = 0;
        List<Router> choices = firstHops;
        Router chooser = null; // the source picks the first hop
        for (int hop = 1; !choices.isEmpty(); hop++) {
            Router r = choices.size() == 1 ? choices.get(0) : choices.get(pick(p, chooser, choices.size()));
            delay += 2 * LINK_DELAY_MICROS;
            if (p.ttl() <= hop) {
                if (r.answers()) {
                    byte[] reply = Replies.icmpError(r.replyAddress(v6), p.src(),
                            packet, true);
                    deliver(reply, delay + r.extraDelayMicros());
                }
                return;
            }
            choices = r.next();
            chooser = r;
        }
        if (!p.dst().equals(destination.address(p))) {
            return; // nothing else lives on this network
        }
        byte[] reply = destination.answer(p);
        if (reply != null) {
            deliver(reply, delay + 2 * LINK_DELAY_MICROS + destination.extraDelayMicros());
        }
    }

    /** The next hop a per-flow balancer picks: a hash of the flow salted with the balancer's own address. */
    private static int pick(ProbeView p, Router chooser, int choices) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(chooser == null ? new byte[0] : chooser.pathAddress(p.v6()).getAddress());
            sha.update(p.flowKey());
            return Math.floorMod(ByteBuffer.wrap(sha.digest()).getInt(), choices);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void deliver(byte[] reply, long delayMicros) {
        Runnable arrive = () -> arrive(reply);
        if (holding) {
            held.add(arrive);
        } else {
            wire.schedule(arrive, delayMicros, TimeUnit.MICROSECONDS);
        }
    }

    private void arrive(byte[] reply) {
        ProbeView r = ProbeView.of(reply);
        if (r.protocol() == ProbeView.TCP) {
            VirtualConnection c = kernelSockets.get(r.dstPort());
            if (c != null) {
                c.onSegment(r.tcpFlags());
            }
        }
        long now = System.nanoTime();
        log.add("reply");
        for (VirtualSource s : sources) {
            s.offer(reply, now);
        }
    }

    @Override
    public void close() {
        wire.shutdownNow();
    }
}
