package io.edgeledger.probe.traceroute.engine;

import io.edgeledger.probe.traceroute.result.Hop;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the concurrent runs of one trace share: the session (one sink, one source), the network, the
 * addresses, the settings, and the RTTs each run learns (the HERE part of the adaptive wait).
 */
public final class Trace {
    private final PacketNetwork network;
    private final ProbeSession session;
    private final InetAddress source;
    private final InetAddress target;
    private final TraceSettings settings;
    private final SharedHopRtts shared;
    private final List<ReplyBoard> peers = new CopyOnWriteArrayList<>();

    public Trace(PacketNetwork network, ProbeSession session, InetAddress source, InetAddress target,
                 TraceSettings settings) {
        this.network = network;
        this.session = session;
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.shared = new SharedHopRtts(settings.maxTtl());
    }

    public PacketNetwork network() {
        return network;
    }

    public ProbeSession session() {
        return session;
    }

    public InetAddress source() {
        return source;
    }

    public InetAddress target() {
        return target;
    }

    public TraceSettings settings() {
        return settings;
    }

    public int maxTtl() {
        return settings.maxTtl();
    }

    /** A run of this driver, registered with the session at once (so replies to a handshake are seen). */
    public TraceRun newRun(ProbeDriver driver) {
        return new TraceRun(session, driver, settings.maxTtl(), settings.timeoutNanos(), settings.sendDelayNanos(),
                settings.adaptiveWait(), shared, peers);
    }

    /** Runs the driver over every TTL, in parallel or serially as the settings say. */
    public List<Hop> run(ProbeDriver driver) throws IOException, InterruptedException {
        return run(newRun(driver));
    }

    public List<Hop> run(TraceRun run) throws IOException, InterruptedException {
        return settings.parallel() ? run.parallel() : run.serial();
    }
}
