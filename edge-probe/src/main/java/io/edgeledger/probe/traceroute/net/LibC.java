package io.edgeledger.probe.traceroute.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** The few libc calls raw sending needs, bound with JNA direct mapping (no reflection per call). */
final class LibC {
    static {
        Native.register(NativeLibrary.getInstance("c"));
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

    static native int isatty(int fd);
}
