package io.edgeledger.probe.traceroute.publicip;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Public IP endpoints in order, timeouts, caching and failure, against HTTP servers on loopback only. */
class PublicIpLookupTest {
    private HttpServer server;
    private final List<String> hits = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.add(path);
            String body;
            int status = 200;
            switch (path) {
                case "/error" -> { status = 503; body = "busy"; }
                case "/silent" -> {
                    try {
                        release.await(60, TimeUnit.SECONDS); // never answers within the attempt timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    body = "198.51.100.9";
                }
                case "/name" -> body = "evil.example";
                case "/v6" -> body = "2001:db8::7\n";
                default -> body = "203.0.113.7\n";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private PublicIpLookup lookup() {
        // 3 s per attempt: generous for a loaded machine, and what /silent costs. The clock only moves when
        // the test says so (the budget never runs out, the cache never expires by itself)
        return new PublicIpLookup(new PublicIpLookup.Settings(Duration.ofSeconds(3), Duration.ofMillis(1),
                Duration.ofMillis(4), Duration.ofMinutes(5), Duration.ofMinutes(10)), clock::get);
    }

    @Test
    void defaultsAreUpstreamsFiveEndpointsInOrder() {
        assertThat(PublicIpLookup.UPSTREAM_ENDPOINTS).containsExactly("https://icanhazip.com/", "https://ipinfo.io/ip",
                "https://checkip.amazonaws.com/", "https://api.ipify.org/", "https://whatismyip.akamai.com/");
        assertThat(io.edgeledger.probe.traceroute.TracerouteParams.defaults("h").publicIpEndpoints())
                .isEqualTo(PublicIpLookup.UPSTREAM_ENDPOINTS);
    }

    @Test
    void endpointsAreTriedInOrderPastErrorsTimeoutsAndNonAddresses() {
        PublicIp ip = lookup().fetch(List.of(url("/error"), url("/silent"), url("/name"), url("/ok"), url("/v6")));
        assertThat(ip).isEqualTo(new PublicIp("203.0.113.7", null));
        assertThat(hits).containsExactly("/error", "/silent", "/name", "/ok");
    }

    @Test
    void anAnswerIsCachedForItsTtlThenAskedAgain() {
        PublicIpLookup lookup = lookup();
        List<String> endpoints = List.of(url("/v6"));
        assertThat(lookup.fetch(endpoints).address()).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(lookup.fetch(endpoints).address()).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(hits).containsExactly("/v6");
        clock.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        lookup.fetch(endpoints);
        assertThat(hits).hasSize(1);
        clock.addAndGet(1);
        lookup.fetch(endpoints);
        assertThat(hits).hasSize(2);
    }

    @Test
    void whenEveryEndpointFailsTheAddressIsEmptyAndEachReasonNamedAndNothingIsCached() {
        PublicIpLookup lookup = lookup();
        List<String> endpoints = List.of(url("/error"), url("/name"), "http://127.0.0.1:9/closed");
        PublicIp ip = lookup.fetch(endpoints);
        assertThat(ip.address()).isEmpty();
        assertThat(ip.error()).contains(url("/error") + ": HTTP 503").contains(url("/name") + ": ")
                .contains("not an IP address").contains("127.0.0.1:9/closed");
        lookup.fetch(endpoints);
        assertThat(hits).containsExactly("/error", "/name", "/error", "/name");
        assertThat(lookup.fetch(List.of()).error()).contains("no endpoints");
    }

    @Test
    void theBudgetStopsTheRestWithoutFailing() {
        PublicIpLookup lookup = new PublicIpLookup(new PublicIpLookup.Settings(Duration.ofMillis(300), Duration.ZERO,
                Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(1)), () -> clock.getAndAdd(Duration.ofSeconds(2).toNanos()));
        PublicIp ip = lookup.fetch(List.of(url("/ok"), url("/v6")));
        assertThat(ip.address()).isEmpty();
        assertThat(ip.error()).contains("out of time");
        assertThat(hits).isEmpty();
    }
}
