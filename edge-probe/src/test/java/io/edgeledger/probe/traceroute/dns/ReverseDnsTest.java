package io.edgeledger.probe.traceroute.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reverse DNS: one deadline for the batch, a late answer fills the cache, TTLs, a bounded cache. */
class ReverseDnsTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<InetAddress, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void unblock() {
        release.countDown();
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    /** 198.51.100.66 hangs until released; 198.51.100.0 has no name; the others are named after their last byte. */
    private ReverseDns dns(int maxEntries) {
        return new ReverseDns(new ReverseDns.Settings(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(1),
                maxEntries, 4), a -> {
            calls.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet();
            int last = a.getAddress()[3] & 0xff;
            if (last == 66) {
                release.await(60, TimeUnit.SECONDS);
            }
            return last == 0 ? List.of() : List.of("hop-" + last + ".lab.test");
        }, clock::get);
    }

    private int calls(String a) throws Exception {
        AtomicInteger n = calls.get(ip(a));
        return n == null ? 0 : n.get();
    }

    @Test
    void aLookupPastTheDeadlineIsNamelessNowAndCachedForTheNextTrace() throws Exception {
        ReverseDns dns = dns(100);
        Map<InetAddress, List<String>> first = dns.lookup(List.of(ip("198.51.100.1"), ip("198.51.100.66")));
        assertThat(first.get(ip("198.51.100.1"))).containsExactly("hop-1.lab.test");
        assertThat(first.get(ip("198.51.100.66"))).isEmpty();
        // the second trace does not start a second lookup of the slow address
        dns.lookup(List.of(ip("198.51.100.66")));
        assertThat(calls("198.51.100.66")).isEqualTo(1);
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> late = List.of();
        while (late.isEmpty() && System.nanoTime() < deadline) {
            late = dns.lookup(List.of(ip("198.51.100.66"))).get(ip("198.51.100.66"));
        }
        assertThat(late).containsExactly("hop-66.lab.test");
        assertThat(calls("198.51.100.66")).isEqualTo(1);
    }

    @Test
    void namesAreCachedForTheirTtlAndNoNameForTheShorterNegativeTtl() throws Exception {
        ReverseDns dns = dns(100);
        List<InetAddress> both = List.of(ip("198.51.100.1"), ip("198.51.100.0"));
        assertThat(dns.lookup(both).get(ip("198.51.100.0"))).isEmpty();
        dns.lookup(both);
        assertThat(calls("198.51.100.1")).isEqualTo(1);
        assertThat(calls("198.51.100.0")).isEqualTo(1);
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        dns.lookup(both);
        assertThat(calls("198.51.100.1")).isEqualTo(1);
        assertThat(calls("198.51.100.0")).isEqualTo(2);
        clock.addAndGet(Duration.ofMinutes(4).toNanos());
        dns.lookup(both);
        assertThat(calls("198.51.100.1")).isEqualTo(2);
    }

    @Test
    void theCacheIsBoundedLeastRecentlyUsedFirst() throws Exception {
        ReverseDns dns = dns(2);
        dns.lookup(List.of(ip("198.51.100.1")));
        dns.lookup(List.of(ip("198.51.100.2")));
        dns.lookup(List.of(ip("198.51.100.1"))); // 1 used last: 2 is the eldest
        dns.lookup(List.of(ip("198.51.100.3")));
        dns.lookup(List.of(ip("198.51.100.1"), ip("198.51.100.2")));
        assertThat(calls("198.51.100.1")).isEqualTo(1);
        assertThat(calls("198.51.100.2")).isEqualTo(2);
    }
}
