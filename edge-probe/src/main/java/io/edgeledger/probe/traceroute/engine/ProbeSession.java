package io.edgeledger.probe.traceroute.engine;

import io.edgeledger.probe.traceroute.packet.Inbound;
import io.edgeledger.probe.traceroute.packet.PacketParser;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One packet sink and one packet source shared by every run (and the end-to-end probe) of a trace: each
 * captured packet is parsed once and offered to every registered driver.
 */
public final class ProbeSession implements AutoCloseable {
    public interface ReplyListener {
        void onReply(ProbeDriver.Answer answer, long nanos);
    }

    private record Registration(ProbeDriver driver, ReplyListener listener) {}

    private final PacketSink sink;
    private final PacketSource source;
    private final InetAddress target;
    private final CopyOnWriteArrayList<Registration> registrations = new CopyOnWriteArrayList<>();

    /** Takes ownership of both (closed with the session) and starts reading replies. */
    public ProbeSession(PacketSink sink, PacketSource source, InetAddress target) {
        this.sink = sink;
        this.source = source;
        this.target = target;
        source.start(this::onPacket);
    }

    public void register(ProbeDriver driver, ReplyListener listener) {
        registrations.add(new Registration(driver, listener));
    }

    public void unregister(ProbeDriver driver) {
        registrations.removeIf(r -> r.driver == driver);
    }

    public void send(byte[] packet) throws IOException {
        sink.send(packet, target);
    }

    private void onPacket(byte[] frame, int ipOffset, long nanos) {
        Inbound in = PacketParser.parse(frame, ipOffset, frame.length - ipOffset);
        if (in == null) {
            return;
        }
        for (Registration r : registrations) {
            ProbeDriver.Answer a = r.driver.match(in);
            if (a != null) {
                r.listener.onReply(a, nanos);
            }
        }
    }

    @Override
    public void close() {
        source.close();
        sink.close();
    }
}
