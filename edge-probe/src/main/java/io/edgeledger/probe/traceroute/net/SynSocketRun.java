package io.edgeledger.probe.traceroute.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.edgeledger.probe.traceroute.result.Hop;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code syn_socket} TCP method: one non-blocking kernel connect per TTL with {@code IP_TTL} /
 * {@code IPV6_UNICAST_HOPS} set and {@code IP_RECVERR} / {@code IPV6_RECVERR} on, so the kernel itself
 * matches the ICMP time exceeded to the socket and queues it with the router's address (the offender)
 * on the socket's error queue. A SYN-ACK (connected) or RST (refused) is the destination. No raw socket,
 * no capture: it works without CAP_NET_RAW. All TTLs are sent at once; a TTL with no answer by the
 * timeout is a silent hop. Linux, 64-bit (the msghdr layout below).
 */
public final class SynSocketRun {
    private SynSocketRun() {}

    /** Hops 1..the destination's TTL (or max TTL), in TTL order. */
    public static List<Hop> trace(InetAddress target, int port, int maxTtl, int timeoutMillis) throws IOException {
        boolean v6 = target instanceof Inet6Address;
        int[] fds = new int[maxTtl];
        long[] sentAt = new long[maxTtl];
        Hop[] hops = new Hop[maxTtl];
        byte[] sa = Sockaddr.of(target, port);
        try {
            for (int i = 0; i < maxTtl; i++) {
                fds[i] = open(v6, i + 1);
                sentAt[i] = System.nanoTime();
                try {
                    LibC.connect(fds[i], sa, sa.length);
                    hops[i] = reached(i + 1, target, sentAt[i]); // loopback may connect at once
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != LibC.EINPROGRESS) {
                        throw new IOException("connect to " + target.getHostAddress() + " failed: errno " + e.getErrorCode(), e);
                    }
                }
            }
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (pending(hops, maxTtl) && !answeredUpToDestination(hops)) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                int[] pfds = new int[2 * maxTtl];
                for (int i = 0; i < maxTtl; i++) {
                    pfds[2 * i] = hops[i] == null ? fds[i] : -1; // negative fd: poll skips it
                    pfds[2 * i + 1] = LibC.POLLOUT | LibC.POLLERR;
                }
                if (LibC.poll(pfds, maxTtl, (int) Math.min(left, Integer.MAX_VALUE)) <= 0) {
                    continue;
                }
                for (int i = 0; i < maxTtl; i++) {
                    int revents = pfds[2 * i + 1] >>> 16;
                    if (hops[i] == null && revents != 0) {
                        Hop h = answer(fds[i], i + 1, target, sentAt[i], v6);
                        // an error that names no hop (e.g. a local one) settles the TTL as silent
                        hops[i] = h != null ? h : new Hop(i + 1, null, 0, false, List.of(), false);
                    }
                }
            }
        } finally {
            for (int fd : fds) {
                if (fd > 0) {
                    LibC.close(fd);
                }
            }
        }
        List<Hop> out = new ArrayList<>();
        for (int i = 0; i < maxTtl; i++) {
            out.add(hops[i] != null ? hops[i] : new Hop(i + 1, null, 0, false, List.of(), false));
            if (hops[i] != null && hops[i].destination()) {
                break;
            }
        }
        return out;
    }

    /** One connect with the system's TTL, for the end-to-end probe: its RTT in ms, or 0 when lost. */
    public static double connectRtt(InetAddress target, int port, int timeoutMillis) throws IOException {
        boolean v6 = target instanceof Inet6Address;
        int fd = open(v6, 64);
        try {
            byte[] sa = Sockaddr.of(target, port);
            long sentAt = System.nanoTime();
            try {
                LibC.connect(fd, sa, sa.length);
                return (System.nanoTime() - sentAt) / 1e6;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINPROGRESS) {
                    return 0;
                }
            }
            long deadline = sentAt + timeoutMillis * 1_000_000L;
            long left;
            while ((left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
                int[] pfd = {fd, LibC.POLLOUT | LibC.POLLERR};
                if (LibC.poll(pfd, 1, (int) Math.min(left, Integer.MAX_VALUE)) > 0) {
                    Hop h = answer(fd, 64, target, sentAt, v6);
                    return h != null && h.destination() ? h.rttMillis() : 0;
                }
            }
            return 0;
        } finally {
            LibC.close(fd);
        }
    }

    private static boolean pending(Hop[] hops, int n) {
        for (int i = 0; i < n; i++) {
            if (hops[i] == null) {
                return true;
            }
        }
        return false;
    }

    /** The run is complete once the destination answered and every lower TTL answered too. */
    private static boolean answeredUpToDestination(Hop[] hops) {
        for (Hop h : hops) {
            if (h == null) {
                return false;
            }
            if (h.destination()) {
                return true;
            }
        }
        return false;
    }

    private static int open(boolean v6, int ttl) throws IOException {
        int fd;
        try {
            fd = LibC.socket(v6 ? LibC.AF_INET6 : LibC.AF_INET, LibC.SOCK_STREAM | LibC.SOCK_NONBLOCK, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket() failed: errno " + e.getErrorCode(), e);
        }
        try {
            LibC.setsockopt(fd, v6 ? LibC.IPPROTO_IPV6 : LibC.IPPROTO_IP, v6 ? LibC.IPV6_UNICAST_HOPS : LibC.IP_TTL,
                    new int[] {ttl}, 4);
            LibC.setsockopt(fd, v6 ? LibC.IPPROTO_IPV6 : LibC.IPPROTO_IP, v6 ? LibC.IPV6_RECVERR : LibC.IP_RECVERR,
                    new int[] {1}, 4);
            return fd;
        } catch (LastErrorException e) {
            LibC.close(fd);
            throw new IOException("setsockopt (TTL / RECVERR) failed: errno " + e.getErrorCode(), e);
        }
    }

    /** What the socket says: an ICMP error from a hop (error queue), or the handshake's end at the destination. */
    private static Hop answer(int fd, int ttl, InetAddress target, long sentAt, boolean v6) {
        Hop fromQueue = errorQueue(fd, ttl, target, sentAt, v6);
        if (fromQueue != null) {
            return fromQueue;
        }
        int[] err = {0};
        LibC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_ERROR, err, new int[] {4});
        // 0: SYN-ACK (connected); ECONNREFUSED (111): RST; both come from the destination
        return err[0] == 0 || err[0] == 111 ? reached(ttl, target, sentAt) : null;
    }

    private static Hop reached(int ttl, InetAddress target, long sentAt) {
        return new Hop(ttl, target, (System.nanoTime() - sentAt) / 1e6, true, List.of(), true);
    }

    /** recvmsg(MSG_ERRQUEUE): a sock_extended_err with origin ICMP / ICMPv6, followed by the offender's address. */
    private static Hop errorQueue(int fd, int ttl, InetAddress target, long sentAt, boolean v6) {
        try (Memory msg = new Memory(56); Memory iov = new Memory(16); Memory data = new Memory(64);
             Memory control = new Memory(512)) {
            msg.clear();
            iov.setPointer(0, data);
            iov.setLong(8, data.size());
            msg.setPointer(16, iov); // msg_iov
            msg.setLong(24, 1); // msg_iovlen
            msg.setPointer(32, control); // msg_control
            msg.setLong(40, control.size()); // msg_controllen
            try {
                LibC.recvmsg(fd, msg, LibC.MSG_ERRQUEUE);
            } catch (LastErrorException e) {
                return null; // EAGAIN: nothing queued
            }
            long controlLen = msg.getLong(40);
            long p = 0;
            while (p + 16 <= controlLen) {
                long len = control.getLong(p);
                int level = control.getInt(p + 8);
                int type = control.getInt(p + 12);
                if (len < 16) {
                    break;
                }
                boolean ours = v6 ? level == LibC.IPPROTO_IPV6 && type == LibC.IPV6_RECVERR
                        : level == LibC.IPPROTO_IP && type == LibC.IP_RECVERR;
                if (ours && len >= 16 + 16 + (v6 ? 24 : 8)) {
                    long e = p + 16;
                    int origin = control.getByte(e + 4) & 0xff;
                    int icmpType = control.getByte(e + 5) & 0xff;
                    if (origin != (v6 ? 3 : 2)) {
                        return null; // not an ICMP error (e.g. a local error)
                    }
                    InetAddress from = offender(control, e + 16, v6);
                    boolean timeExceeded = v6 ? icmpType == 3 : icmpType == 11;
                    boolean destination = !timeExceeded && from != null && from.equals(target);
                    return new Hop(ttl, from, (System.nanoTime() - sentAt) / 1e6, from != null, List.of(), destination);
                }
                p += (len + 7) & ~7L;
            }
            return null;
        }
    }

    private static InetAddress offender(Memory m, long at, boolean v6) {
        try {
            return InetAddress.getByAddress(m.getByteArray(at + (v6 ? 8 : 4), v6 ? 16 : 4));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
