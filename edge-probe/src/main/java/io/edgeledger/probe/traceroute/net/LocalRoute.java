package io.edgeledger.probe.traceroute.net;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/** The source address and interface the kernel would use towards a target (no packet is sent). */
public record LocalRoute(InetAddress source, String device) {
    public static LocalRoute to(InetAddress target) throws IOException {
        InetAddress src;
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(target, 33434));
            src = s.getLocalAddress();
        } catch (SocketException e) {
            throw new IOException("no route to " + target.getHostAddress() + ": " + e.getMessage(), e);
        }
        if (src == null || src.isAnyLocalAddress()) {
            throw new IOException("no route to " + target.getHostAddress());
        }
        NetworkInterface nif = NetworkInterface.getByInetAddress(src);
        return new LocalRoute(src, nif != null ? nif.getName() : "any");
    }
}
