package io.edgeledger.probe.traceroute.dns;

import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reverse DNS for hops: all lookups of a trace run at once and are given a total time budget (the
 * system resolver has no per-call timeout); answers, including "no name", are cached for the process.
 */
public final class ReverseDns {
    private static final Map<InetAddress, List<String>> CACHE = new ConcurrentHashMap<>();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "reverse-dns");
        t.setDaemon(true);
        return t;
    });

    private ReverseDns() {}

    /** Names per address; an address whose lookup failed or did not finish in time maps to an empty list. */
    public static Map<InetAddress, List<String>> lookup(Collection<InetAddress> addresses, long budgetMillis) {
        Map<InetAddress, CompletableFuture<List<String>>> pending = new HashMap<>();
        for (InetAddress a : addresses) {
            if (a != null && !pending.containsKey(a)) {
                List<String> cached = CACHE.get(a);
                pending.put(a, cached != null ? CompletableFuture.completedFuture(cached)
                        : CompletableFuture.supplyAsync(() -> resolve(a), POOL));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        Map<InetAddress, List<String>> out = new HashMap<>();
        for (var e : pending.entrySet()) {
            long left = deadline - System.nanoTime();
            try {
                out.put(e.getKey(), e.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS));
            } catch (Exception timeoutOrFailure) {
                out.put(e.getKey(), List.of());
            }
        }
        return out;
    }

    private static List<String> resolve(InetAddress a) {
        List<String> names;
        try {
            String name = InetAddress.getByAddress(a.getAddress()).getCanonicalHostName();
            names = name == null || name.equals(a.getHostAddress()) || name.indexOf(':') >= 0 && name.equals(a.getHostAddress())
                    ? List.of() : List.of(name);
        } catch (Exception e) {
            names = List.of();
        }
        CACHE.put(a, names);
        return names;
    }
}
