package io.edgeledger.probe.traceroute.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/** struct sockaddr_in / sockaddr_in6 as libc takes them: family in host order (little-endian), port big-endian. */
final class Sockaddr {
    private Sockaddr() {}

    static byte[] of(InetAddress address, int port) {
        byte[] a = address.getAddress();
        boolean v6 = a.length == 16;
        byte[] sa = new byte[v6 ? 28 : 16];
        sa[0] = (byte) (v6 ? LibC.AF_INET6 : LibC.AF_INET);
        sa[2] = (byte) (port >>> 8);
        sa[3] = (byte) port;
        System.arraycopy(a, 0, sa, v6 ? 8 : 4, a.length);
        if (address instanceof Inet6Address i6 && i6.getScopeId() != 0) {
            int s = i6.getScopeId();
            sa[24] = (byte) s;
            sa[25] = (byte) (s >>> 8);
            sa[26] = (byte) (s >>> 16);
            sa[27] = (byte) (s >>> 24);
        }
        return sa;
    }
}
