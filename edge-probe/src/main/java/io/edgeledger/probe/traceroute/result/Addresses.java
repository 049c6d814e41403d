package io.edgeledger.probe.traceroute.result;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Address text as tools print it (RFC 5952 for IPv6) and the private-range test of --skip-private-hops. */
public final class Addresses {
    private Addresses() {}

    public static String format(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(w[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** RFC 1918 for IPv4 and unique-local fc00::/7 for IPv6, as upstream's private-hop filter. */
    public static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int x = b[0] & 0xff;
            int y = b[1] & 0xff;
            return x == 10 || (x == 172 && y >= 16 && y <= 31) || (x == 192 && y == 168);
        }
        return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }
}
