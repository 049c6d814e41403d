package io.edgeledger.probe.traceroute.vnet;

import io.edgeledger.probe.traceroute.engine.TcpConnection;
import io.edgeledger.probe.traceroute.packet.Packets;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.TcpFlags;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The source host's TCP stack for one connect: sends the SYN, waits for the SYN-ACK (or a RST). */
final class VirtualConnection implements TcpConnection {
    private static final byte[] SYN_OPTIONS = {2, 4, 0x05, (byte) 0xb4, 1, 1, 4, 2, 1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0};

    private final VirtualNetwork network;
    private final InetAddress source;
    private final int port;
    private final CompletableFuture<Boolean> handshake = new CompletableFuture<>();

    VirtualConnection(VirtualNetwork network, InetAddress source, int port) {
        this.network = network;
        this.source = source;
        this.port = port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void connect(InetAddress target, int dstPort, int timeoutMillis) throws IOException {
        long isn = ThreadLocalRandom.current().nextInt() & 0xffffffffL;
        byte[] syn = Packets.tcp(source.getAddress(), target.getAddress(), port, dstPort, isn, 0, TcpFlags.SYN,
                65535, SYN_OPTIONS, new byte[0]);
        network.transmit(Packets.ip(source.getAddress(), target.getAddress(), IpProto.TCP, 64, 1, syn));
        try {
            if (!handshake.get(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IOException("Connection refused");
            }
        } catch (TimeoutException e) {
            throw new IOException("Connect timed out");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    void onSegment(int flags) {
        if ((flags & (TcpFlags.SYN | TcpFlags.ACK)) == (TcpFlags.SYN | TcpFlags.ACK)) {
            handshake.complete(true);
        } else if ((flags & TcpFlags.RST) != 0) {
            handshake.complete(false);
        }
    }

    @Override
    public void close() {
        network.forget(this);
    }
}
