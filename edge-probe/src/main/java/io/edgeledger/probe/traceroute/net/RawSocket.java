package io.edgeledger.probe.traceroute.net;

import com.sun.jna.LastErrorException;
import io.edgeledger.probe.traceroute.engine.PacketSink;
import java.io.IOException;
import java.net.InetAddress;

/**
 * A raw IPPROTO_RAW socket with the header-included option: probes go out byte for byte as built,
 * so TTL, IP ID, ports and sequence numbers are exactly what the matchers expect back.
 */
public final class RawSocket implements PacketSink {
    private final int fd;
    private volatile boolean closed;

    private RawSocket(int fd) {
        this.fd = fd;
    }

    /** Loads JNA and the libc bindings ahead of use. */
    public static void preload() {
        try {
            LibC.isatty(0);
        } catch (Throwable e) {
            // reported properly when the socket is opened
        }
    }

    public static RawSocket open(boolean v6) throws IOException {
        int fd;
        try {
            fd = LibC.socket(v6 ? LibC.AF_INET6 : LibC.AF_INET, LibC.SOCK_RAW, LibC.IPPROTO_RAW);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.EPERM || e.getErrorCode() == LibC.EACCES) {
                throw new MissingPrivilegeException("opening a raw socket was refused");
            }
            throw new IOException("socket(SOCK_RAW) failed: errno " + e.getErrorCode(), e);
        }
        try {
            int level = v6 ? LibC.IPPROTO_IPV6 : LibC.IPPROTO_IP;
            int name = v6 ? LibC.IPV6_HDRINCL : LibC.IP_HDRINCL;
            LibC.setsockopt(fd, level, name, new int[] {1}, 4);
        } catch (LastErrorException e) {
            LibC.close(fd);
            throw new IOException("setsockopt(HDRINCL) failed: errno " + e.getErrorCode(), e);
        }
        return new RawSocket(fd);
    }

    /** Sends a complete IP packet (header included) to its destination. */
    @Override
    public void send(byte[] packet, InetAddress dst) throws IOException {
        byte[] sa = Sockaddr.of(dst, 0); // raw sockets ignore the port
        try {
            LibC.sendto(fd, packet, packet.length, 0, sa, sa.length);
        } catch (LastErrorException e) {
            throw new IOException("sendto " + dst.getHostAddress() + " failed: errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
        }
    }
}
