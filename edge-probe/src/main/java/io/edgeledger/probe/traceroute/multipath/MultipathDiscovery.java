package io.edgeledger.probe.traceroute.multipath;

import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.engine.ProbeSession;
import io.edgeledger.probe.traceroute.result.Multipath;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Multipath Detection Algorithm (Augustin, Friedman, Teixeira, IMC 2007; as Paris traceroute and
 * scamper's tracelb run it) over a probe session. Hop by hop, for every interface v at TTL h - 1 it
 * sends probes at TTL h on flows known to cross v until, having seen k next hops of v, n_(k+1) flows
 * through v were probed ({@link StoppingRule}); flows through v come from earlier probes at h - 1, or
 * from new flows probed at h - 1 to find out where they go. When h - 1 has a single interface every
 * flow crosses it, so new flows go straight to h. A probe left unanswered for the timeout counts as an
 * anonymous interface "*" so a silent router does not stop the walk. It ends at the TTL where every
 * flow reached the destination, at max TTL, or when the probe budget is spent.
 */
public final class MultipathDiscovery {
    private static final String STAR = "*";
    private static final String SOURCE = "source";
    private static final int MAX_NEW_FLOWS_PER_ROUND = 128;

    private final ProbeSession session;
    private final ProbeDriver driver;
    private final StoppingRule rule;
    private final int maxTtl;
    private final long timeoutNanos;
    private final int maxProbes;

    /** Per TTL: flow -> the vertex (address or "*") it crossed there. */
    private final List<Map<Integer, String>> hits = new ArrayList<>();
    private final Map<String, InetAddress> addresses = new HashMap<>();
    private final Set<String> destinations = new LinkedHashSet<>();
    private final Set<List<Object>> links = new LinkedHashSet<>();
    private final int[] probesAt;
    private final LinkedBlockingQueue<ProbeDriver.Answer> answers = new LinkedBlockingQueue<>();
    private int nextKey = 1;
    private int nextFlow;

    /** {@code maxProbes} must not exceed the driver's key range. */
    public MultipathDiscovery(ProbeSession session, ProbeDriver driver, StoppingRule rule, int maxTtl,
                              long timeoutNanos, int maxProbes) {
        this.session = session;
        this.driver = driver;
        this.rule = rule;
        this.maxTtl = maxTtl;
        this.timeoutNanos = timeoutNanos;
        this.maxProbes = maxProbes;
        this.probesAt = new int[maxTtl + 1];
        for (int t = 0; t <= maxTtl; t++) {
            hits.add(new HashMap<>());
        }
    }

    public Multipath run() throws IOException, InterruptedException {
        session.register(driver, (a, nanos) -> answers.add(a));
        int last = 0;
        try {
            for (int ttl = 1; ttl <= maxTtl && budgetLeft() > 0; ttl++) {
                discover(ttl);
                last = ttl;
                if (!hits.get(ttl).isEmpty() && destinations.containsAll(vertices(ttl))) {
                    break;
                }
            }
        } finally {
            session.unregister(driver);
        }
        return result(last);
    }

    /** Probes at this TTL (and the one before, for flows through its interfaces) until every predecessor is done. */
    private void discover(int ttl) throws IOException, InterruptedException {
        while (budgetLeft() > 0) {
            Map<Integer, Integer> batch = new LinkedHashMap<>(); // flow -> ttl to probe it at
            int fresh = 0;
            List<String> predecessors = predecessors(ttl);
            if (predecessors.size() > 1 && realVertices(ttl).size() <= 1) {
                fresh = planConvergingHop(predecessors, ttl, batch);
            } else {
                for (String v : predecessors) {
                    fresh = Math.max(fresh, plan(v, ttl, batch));
                }
            }
            boolean everyFlowCrosses = ttl == 1 || realVertices(ttl - 1).size() <= 1;
            for (int i = 0; i < fresh && batch.size() < budgetLeft(); i++) {
                batch.put(nextFlow++, everyFlowCrosses ? ttl : ttl - 1);
            }
            if (batch.isEmpty()) {
                break;
            }
            send(batch);
        }
        for (String v : predecessors(ttl)) {
            if (v.equals(SOURCE)) {
                continue;
            }
            for (String s : successors(v, ttl)) {
                links.add(List.of(ttl - 1, v, s));
            }
        }
    }

    /**
     * MDA-Lite's shortcut (Vermeulen et al., IMC 2018; scamper's tracelb does the same) for a hop after
     * several interfaces where everything seen so far meets in one: n_2 flows in all, at least one
     * through every predecessor, instead of n_2 through each. As soon as a second interface shows up
     * at this TTL, the per-vertex rule ({@link #plan}) takes over.
     */
    private int planConvergingHop(List<String> predecessors, int ttl, Map<Integer, Integer> batch) {
        int probed = 0;
        List<ArrayDeque<Integer>> unprobed = new ArrayList<>();
        for (String v : predecessors) {
            ArrayDeque<Integer> mine = new ArrayDeque<>();
            int probedHere = 0;
            for (int f : flowsThrough(v, ttl - 1)) { // never empty: v was seen on some flow
                if (hits.get(ttl).containsKey(f)) {
                    probedHere++;
                } else {
                    mine.add(f);
                }
            }
            if (probedHere == 0 && !mine.isEmpty()) {
                batch.put(mine.poll(), ttl);
                probedHere++;
            }
            probed += probedHere;
            unprobed.add(mine);
        }
        int needed = rule.probes(2) - probed;
        boolean more = true;
        while (needed > 0 && more) {
            more = false;
            for (ArrayDeque<Integer> mine : unprobed) {
                if (needed > 0 && !mine.isEmpty()) {
                    batch.put(mine.poll(), ttl);
                    needed--;
                    more = true;
                }
            }
        }
        return Math.max(needed, 0); // new flows, probed at ttl - 1 where they land on some predecessor
    }

    /**
     * Adds to the batch the known flows through v not yet probed at ttl that v still needs for the
     * stopping rule, and returns how many new flows it wants on top: straight at ttl when every flow
     * crosses v, else at ttl - 1, as many as should bring the missing ones to v at its observed share.
     */
    private int plan(String v, int ttl, Map<Integer, Integer> batch) {
        Set<String> next = successors(v, ttl);
        if (!next.isEmpty() && destinations.containsAll(next)) {
            return 0; // the destination ends every path through v (as tracelb, one answer settles it)
        }
        List<Integer> through = flowsThrough(v, ttl - 1);
        int probed = 0;
        List<Integer> unprobed = new ArrayList<>();
        for (int f : through) {
            if (hits.get(ttl).containsKey(f)) {
                probed++;
            } else {
                unprobed.add(f);
            }
        }
        int needed = rule.probes(next.size() + 1) - probed;
        for (int i = 0; i < unprobed.size() && needed > 0; i++) {
            batch.put(unprobed.get(i), ttl);
            needed--;
        }
        if (needed <= 0) {
            return 0;
        }
        if (ttl == 1 || realVertices(ttl - 1).size() <= 1) {
            return needed;
        }
        int seenAtPrevious = hits.get(ttl - 1).size();
        return Math.min(MAX_NEW_FLOWS_PER_ROUND, (int) Math.ceil((double) needed * seenAtPrevious / through.size()));
    }

    private void send(Map<Integer, Integer> batch) throws IOException, InterruptedException {
        Map<Integer, int[]> pending = new HashMap<>(); // key -> {flow, ttl}
        for (Map.Entry<Integer, Integer> e : batch.entrySet()) {
            if (budgetLeft() <= 0) {
                break;
            }
            int key = nextKey++;
            int flow = e.getKey();
            int ttl = e.getValue();
            pending.put(key, new int[] {flow, ttl});
            probesAt[ttl]++;
            session.send(driver.packet(key, ttl, flow));
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            ProbeDriver.Answer a = left > 0 ? answers.poll(left, TimeUnit.NANOSECONDS) : null;
            if (a == null) {
                break;
            }
            int[] probe = pending.remove(a.key());
            if (probe != null) {
                String vertex = a.from().getHostAddress();
                addresses.put(vertex, a.from());
                if (a.destination()) {
                    destinations.add(vertex);
                }
                hits.get(probe[1]).put(probe[0], vertex);
            }
        }
        for (int[] probe : pending.values()) {
            hits.get(probe[1]).put(probe[0], STAR);
        }
        answers.clear(); // late answers to probes already counted unanswered
    }

    private int budgetLeft() {
        return maxProbes - (nextKey - 1);
    }

    /**
     * Vertices at ttl - 1 whose next hops are sought at ttl: the source at TTL 1, never the destination;
     * "*" (no answer) only where nothing answered at all (a silent router), not for a lost probe.
     */
    private List<String> predecessors(int ttl) {
        if (ttl == 1) {
            return List.of(SOURCE);
        }
        List<String> out = new ArrayList<>();
        Set<String> at = realVertices(ttl - 1).isEmpty() ? vertices(ttl - 1) : realVertices(ttl - 1);
        for (String v : at) {
            if (!destinations.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private Set<String> vertices(int ttl) {
        return new LinkedHashSet<>(hits.get(ttl).values());
    }

    private Set<String> realVertices(int ttl) {
        Set<String> out = vertices(ttl);
        out.remove(STAR);
        return out;
    }

    /** Flows known to cross v at ttl (every flow sent so far when v is alone there). */
    private List<Integer> flowsThrough(String v, int ttl) {
        List<Integer> out = new ArrayList<>();
        if (ttl == 0 || realVertices(ttl).size() <= 1) {
            for (int f = 0; f < nextFlow; f++) {
                out.add(f);
            }
            return out;
        }
        hits.get(ttl).forEach((f, at) -> {
            if (at.equals(v)) {
                out.add(f);
            }
        });
        out.sort(null);
        return out;
    }

    private Set<String> successors(String v, int ttl) {
        Set<String> out = new LinkedHashSet<>();
        for (int f : flowsThrough(v, ttl - 1)) {
            String s = hits.get(ttl).get(f);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private Multipath result(int last) {
        List<Multipath.MultipathHop> hops = new ArrayList<>();
        for (int t = 1; t <= last; t++) {
            List<InetAddress> interfaces = new ArrayList<>();
            int unanswered = 0;
            boolean destination = false;
            for (String v : vertices(t)) {
                if (!v.equals(STAR)) {
                    interfaces.add(addresses.get(v));
                    destination |= destinations.contains(v);
                }
            }
            for (String v : hits.get(t).values()) {
                unanswered += v.equals(STAR) ? 1 : 0;
            }
            hops.add(new Multipath.MultipathHop(t, interfaces, probesAt[t], unanswered, destination));
        }
        List<Multipath.Link> out = new ArrayList<>();
        for (List<Object> l : links) {
            String from = (String) l.get(1);
            String to = (String) l.get(2);
            if (!from.equals(STAR) && !to.equals(STAR)) {
                out.add(new Multipath.Link((Integer) l.get(0), addresses.get(from), addresses.get(to)));
            }
        }
        return new Multipath(rule.confidencePercent(), nextKey - 1, nextFlow, hops, out);
    }
}
