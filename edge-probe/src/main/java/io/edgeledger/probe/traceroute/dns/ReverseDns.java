package io.edgeledger.probe.traceroute.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reverse DNS for hops: every lookup of a trace runs at once and the whole batch gets one deadline
 * (200 ms by default), so names never lengthen a trace by more than that; a lookup still running at the
 * deadline reports no name now and fills the cache for the next trace. Answers, "no name" included, are
 * cached in a bounded LRU. The JDK resolver does not expose a record's TTL, so a name is kept for
 * {@code nameTtl} (5 min) and "no name" for {@code negativeTtl} (1 min), like the JDK's own address cache.
 */
public final class ReverseDns {
    /** Looks one address up; an empty list means "no name". */
    public interface Resolver {
        List<String> names(InetAddress address) throws Exception;
    }

    public record Settings(Duration deadline, Duration nameTtl, Duration negativeTtl, int maxEntries, int threads) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(200), Duration.ofMinutes(5),
                Duration.ofMinutes(1), 4096, 8);
    }

    /** The deadline can be raised with -Dedgeledger.traceroute.reverse-dns-deadline-ms (tests on a loaded machine). */
    public static final ReverseDns SHARED = new ReverseDns(new Settings(
            Duration.ofMillis(Long.getLong("edgeledger.traceroute.reverse-dns-deadline-ms", 200)),
            Settings.DEFAULT.nameTtl(), Settings.DEFAULT.negativeTtl(), Settings.DEFAULT.maxEntries(),
            Settings.DEFAULT.threads()), ReverseDns::system, System::nanoTime);

    private record Cached(List<String> names, long expiresAtNanos) {}

    private final Settings settings;
    private final Resolver resolver;
    private final LongSupplier nanoClock;
    private final ExecutorService pool;
    private final Map<InetAddress, Cached> cache;
    private final Map<InetAddress, CompletableFuture<List<String>>> inFlight = new ConcurrentHashMap<>();

    public ReverseDns(Settings settings, Resolver resolver, LongSupplier nanoClock) {
        this.settings = settings;
        this.resolver = resolver;
        this.nanoClock = nanoClock;
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "reverse-dns");
            t.setDaemon(true);
            return t;
        });
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Cached> eldest) {
                return size() > settings.maxEntries();
            }
        };
    }

    /** Names per address; an address whose lookup failed or missed the deadline maps to an empty list. */
    public Map<InetAddress, List<String>> lookup(Collection<InetAddress> addresses) {
        Map<InetAddress, CompletableFuture<List<String>>> pending = new HashMap<>();
        for (InetAddress a : addresses) {
            if (a != null && !pending.containsKey(a)) {
                List<String> cached = cached(a);
                pending.put(a, cached != null ? CompletableFuture.completedFuture(cached) : start(a));
            }
        }
        long deadline = nanoClock.getAsLong() + settings.deadline().toNanos();
        Map<InetAddress, List<String>> out = new HashMap<>();
        for (var e : pending.entrySet()) {
            long left = deadline - nanoClock.getAsLong();
            try {
                out.put(e.getKey(), e.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                out.put(e.getKey(), List.of());
            } catch (Exception timeoutOrFailure) {
                out.put(e.getKey(), List.of());
            }
        }
        return out;
    }

    private synchronized List<String> cached(InetAddress a) {
        Cached e = cache.get(a);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.expiresAtNanos() >= 0) {
            cache.remove(a);
            return null;
        }
        return e.names();
    }

    private synchronized void remember(InetAddress a, List<String> names) {
        Duration ttl = names.isEmpty() ? settings.negativeTtl() : settings.nameTtl();
        cache.put(a, new Cached(names, nanoClock.getAsLong() + ttl.toNanos()));
    }

    /** One lookup per address at a time, however many traces ask for it while it runs. */
    private CompletableFuture<List<String>> start(InetAddress a) {
        if (inFlight.size() >= settings.maxEntries()) {
            return CompletableFuture.completedFuture(List.of()); // a stuck resolver must not pile up work
        }
        CompletableFuture<List<String>> f = inFlight.computeIfAbsent(a, k -> CompletableFuture.supplyAsync(() -> {
            List<String> names;
            try {
                names = List.copyOf(resolver.names(k));
            } catch (Exception e) {
                names = List.of();
            }
            remember(k, names);
            return names;
        }, pool));
        f.whenComplete((names, failure) -> inFlight.remove(a, f)); // after the insert, even if already done
        return f;
    }

    private static List<String> system(InetAddress a) throws Exception {
        String name = InetAddress.getByAddress(a.getAddress()).getCanonicalHostName();
        return name == null || name.equals(a.getHostAddress()) ? List.of() : List.of(name);
    }
}
