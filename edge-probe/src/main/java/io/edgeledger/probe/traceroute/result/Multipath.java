package io.edgeledger.probe.traceroute.result;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What multipath discovery (MDA) found: per TTL the interfaces that answered, and the links between
 * interfaces of consecutive TTLs, at the stated confidence. {@code probesSent} counts every probe
 * (per TTL in each hop), so the cost can be compared with other MDA tools.
 */
public record Multipath(double confidencePercent, int probesSent, int flows, List<MultipathHop> hops,
                        List<Link> links) {

    /** One TTL: the interfaces seen there (in discovery order), how many probes it took, how many went unanswered. */
    public record MultipathHop(int ttl, List<InetAddress> interfaces, int probes, int unanswered,
                               boolean destination) {}

    /** An interface at {@code ttl} and one at {@code ttl + 1} that the same flow crossed. */
    public record Link(int ttl, InetAddress from, InetAddress to) {}

    /** Interfaces at a TTL (empty when none answered or it was not probed). */
    public List<InetAddress> interfacesAt(int ttl) {
        for (MultipathHop h : hops) {
            if (h.ttl() == ttl) {
                return h.interfaces();
            }
        }
        return List.of();
    }

    /** Every interface of the trace, in TTL order. */
    public Set<InetAddress> interfaces() {
        Set<InetAddress> all = new LinkedHashSet<>();
        hops.forEach(h -> all.addAll(h.interfaces()));
        return all;
    }

    void writeJson(ResultJsonWriter j) {
        j.key("multipath").open()
                .key("algorithm").value("mda")
                .key("confidence").value(confidencePercent)
                .key("probes_sent").value(probesSent)
                .key("flows").value(flows);
        j.key("hops").openArray();
        for (MultipathHop h : hops) {
            List<String> addresses = new ArrayList<>();
            h.interfaces().forEach(a -> addresses.add(Addresses.format(a)));
            j.open().key("ttl").value(h.ttl()).key("interfaces").strings(addresses).key("probes").value(h.probes())
                    .key("unanswered").value(h.unanswered()).key("destination").value(h.destination()).close();
        }
        j.closeArray();
        j.key("links").openArray();
        for (Link l : links) {
            j.open().key("ttl").value(l.ttl()).key("from").value(Addresses.format(l.from()))
                    .key("to").value(Addresses.format(l.to())).close();
        }
        j.closeArray();
        j.close();
    }

    void writeTable(StringBuilder sb) {
        sb.append(String.format("multipath (MDA, %s %% confidence): %d probes, %d flows%n",
                trim(confidencePercent), probesSent, flows));
        for (MultipathHop h : hops) {
            sb.append(String.format("%2d ", h.ttl()));
            if (h.interfaces().isEmpty()) {
                sb.append(" *");
            }
            for (InetAddress a : h.interfaces()) {
                sb.append("  ").append(Addresses.format(a));
            }
            sb.append(String.format("   (%d probe%s)%n", h.probes(), h.probes() == 1 ? "" : "s"));
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
