package io.edgeledger.probe.traceroute;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves the target: an address literal is used as is, a name resolves to the wanted family. */
final class Targets {
    private Targets() {}

    static InetAddress resolve(String host, boolean ipv6) throws TracerouteException.Resolution {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(h);
        } catch (UnknownHostException | SecurityException e) {
            throw new TracerouteException.Resolution("cannot resolve '" + host + "': " + e.getMessage());
        }
        if (isLiteral(h)) {
            return all[0];
        }
        for (InetAddress a : all) {
            if (ipv6 ? a instanceof Inet6Address : a instanceof Inet4Address) {
                return a;
            }
        }
        throw new TracerouteException.Resolution("'" + host + "' has no " + (ipv6 ? "IPv6" : "IPv4") + " address"
                + (ipv6 ? "" : " (use --ipv6 for an IPv6 trace)"));
    }

    static boolean isLiteral(String h) {
        return h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
