package io.edgeledger.probe.traceroute.net;

import io.edgeledger.probe.traceroute.engine.PacketNetwork;
import io.edgeledger.probe.traceroute.engine.PacketSink;
import io.edgeledger.probe.traceroute.engine.PacketSource;
import io.edgeledger.probe.traceroute.engine.PortLease;
import io.edgeledger.probe.traceroute.engine.Route;
import io.edgeledger.probe.traceroute.engine.TcpConnection;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;

/**
 * The host's network on Linux: raw IPPROTO_RAW sockets (JNA) out, libpcap (pcap4j) in, the kernel's
 * routing table for the source address, and kernel sockets to hold ports and make SACK connections.
 */
public final class HostNetwork implements PacketNetwork {
    public static final HostNetwork INSTANCE = new HostNetwork();

    private HostNetwork() {}

    @Override
    public Route route(InetAddress target) throws IOException {
        InetAddress src;
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(target, 33434)); // a connected UDP socket sends nothing
            src = s.getLocalAddress();
        } catch (SocketException e) {
            throw new IOException("no route to " + target.getHostAddress() + ": " + e.getMessage(), e);
        }
        if (src == null || src.isAnyLocalAddress()) {
            throw new IOException("no route to " + target.getHostAddress());
        }
        NetworkInterface nif = NetworkInterface.getByInetAddress(src);
        return new Route(src, nif != null ? nif.getName() : "any");
    }

    @Override
    public PacketSink openSink(boolean ipv6) throws IOException {
        return RawSocket.open(ipv6);
    }

    @Override
    public PacketSource openSource(Route route, String bpfFilter) throws IOException {
        return Capture.open(route.device(), bpfFilter);
    }

    @Override
    public PortLease reserveUdpPort(InetAddress source) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(source, 0));
        return new PortLease() {
            @Override
            public int port() {
                return s.getLocalPort();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public PortLease reserveTcpPort(InetAddress source) throws IOException {
        return tcpConnection(source); // bound, never connected: the port stays ours while probing
    }

    @Override
    public TcpConnection tcpConnection(InetAddress source) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        int port = s.getLocalPort();
        return new TcpConnection() {
            @Override
            public void connect(InetAddress target, int dstPort, int timeoutMillis) throws IOException {
                s.connect(new InetSocketAddress(target, dstPort), Math.max(1, timeoutMillis));
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing a finished probe socket; the port is released either way
                }
            }
        };
    }
}
