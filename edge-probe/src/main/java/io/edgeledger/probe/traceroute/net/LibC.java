package io.edgeledger.probe.traceroute.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** The few libc calls raw sending needs, bound with JNA direct mapping (no reflection per call). */
final class LibC {
    static {
        // the versioned name ("libc.so.6" on glibc) is dlopen'ed directly; a bare "c" makes JNA run
        // `ldconfig -p` in a child process to find it, ~25 ms of every CLI start
        Native.register(NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
    }

    private LibC() {}

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_RAW = 3;
    static final int IPPROTO_IP = 0;
    static final int IPPROTO_IPV6 = 41;
    static final int IPPROTO_RAW = 255;
    static final int IP_HDRINCL = 3;
    static final int IPV6_HDRINCL = 36;
    static final int EPERM = 1;
    static final int EACCES = 13;

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, int[] value, int len) throws LastErrorException;

    static native long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen)
            throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    // syn_socket: kernel TCP sockets with a TTL and the ICMP error queue (no privilege needed)
    static final int SOCK_STREAM = 1;
    static final int SOCK_NONBLOCK = 04000;
    static final int SOL_SOCKET = 1;
    static final int SO_ERROR = 4;
    static final int IP_TTL = 2;
    static final int IP_RECVERR = 11;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_RECVERR = 25;
    static final int MSG_ERRQUEUE = 0x2000;
    static final int EINPROGRESS = 115;
    static final int EAGAIN = 11;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;

    static native int connect(int fd, byte[] addr, int addrLen) throws LastErrorException;

    /** pollfd[] as int pairs: fd, then events (low 16 bits) and revents (high 16 bits), little-endian. */
    static native int poll(int[] fds, long nfds, int timeoutMillis) throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, int[] value, int[] len) throws LastErrorException;

    static native long recvmsg(int fd, com.sun.jna.Pointer msghdr, int flags) throws LastErrorException;

    static native int isatty(int fd);
}
