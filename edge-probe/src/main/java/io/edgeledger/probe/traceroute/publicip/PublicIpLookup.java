package io.edgeledger.probe.traceroute.publicip;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Public IP as datadog-traceroute gets it: the endpoints are tried in order, each with a short timeout,
 * with a growing pause between attempts; the first bare address answered wins and is cached for
 * {@code cacheTtl} (per endpoint list), so a probe tracing every few seconds does not ask every time.
 * When every endpoint fails the result carries the reasons; a failure is not cached.
 */
public final class PublicIpLookup {
    /** Upstream's endpoints, in upstream's order. */
    public static final List<String> UPSTREAM_ENDPOINTS = List.of("https://icanhazip.com/", "https://ipinfo.io/ip",
            "https://checkip.amazonaws.com/", "https://api.ipify.org/", "https://whatismyip.akamai.com/");

    public record Settings(Duration attemptTimeout, Duration firstBackoff, Duration maxBackoff, Duration cacheTtl,
                           Duration budget) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(1500), Duration.ofMillis(100),
                Duration.ofMillis(800), Duration.ofMinutes(5), Duration.ofSeconds(5));
    }

    /** The process-wide lookup the engine uses. */
    public static final PublicIpLookup SHARED = new PublicIpLookup(Settings.DEFAULT, System::nanoTime);

    private record Cached(String address, long expiresAtNanos) {}

    private final Settings settings;
    private final LongSupplier nanoClock;
    // made on first use only: an HttpClient's selector thread waits in native code, and the JVM's exit
    // waits up to 300 ms for such threads, so a trace without --source-public-ip must never start one
    private HttpClient client;
    private final Map<List<String>, Cached> cache = new ConcurrentHashMap<>();

    public PublicIpLookup(Settings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.attemptTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    public PublicIp fetch(List<String> endpoints) {
        if (endpoints.isEmpty()) {
            return PublicIp.failed("public IP unavailable: no endpoints configured");
        }
        List<String> key = List.copyOf(endpoints);
        Cached hit = cache.get(key);
        if (hit != null && nanoClock.getAsLong() - hit.expiresAtNanos() < 0) {
            return new PublicIp(hit.address(), null);
        }
        long deadline = nanoClock.getAsLong() + settings.budget().toNanos();
        long backoff = settings.firstBackoff().toMillis();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            String endpoint = key.get(i);
            long left = (deadline - nanoClock.getAsLong()) / 1_000_000L;
            if (left <= 0) {
                errors.add(endpoint + ": not tried, out of time");
                continue;
            }
            try {
                String address = ask(endpoint, Math.min(left, settings.attemptTimeout().toMillis()));
                cache.put(key, new Cached(address, nanoClock.getAsLong() + settings.cacheTtl().toNanos()));
                return new PublicIp(address, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(endpoint + ": interrupted");
                break;
            } catch (Exception e) {
                errors.add(endpoint + ": " + describe(e));
            }
            if (i + 1 < key.size() && backoff > 0) {
                try {
                    Thread.sleep(Math.min(backoff, Math.max(0, (deadline - nanoClock.getAsLong()) / 1_000_000L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
            }
        }
        return PublicIp.failed("public IP unavailable: " + String.join("; ", errors));
    }

    private String ask(String endpoint, long timeoutMillis) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofMillis(Math.max(1, timeoutMillis))).GET().build();
        HttpResponse<String> resp = client().send(req, HttpResponse.BodyHandlers.ofString());
        String body = resp.body() == null ? "" : resp.body().trim();
        if (resp.statusCode() != 200) {
            throw new BadAnswer("HTTP " + resp.statusCode());
        }
        if (!looksLikeAddress(body)) {
            throw new BadAnswer("answer is not an IP address");
        }
        return InetAddress.getByName(body).getHostAddress();
    }

    /** An endpoint answered, but not with an address. */
    private static final class BadAnswer extends Exception {
        BadAnswer(String message) {
            super(message);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof BadAnswer) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** Only a bare IPv4/IPv6 literal is accepted: never resolve a name an endpoint sent back. */
    static boolean looksLikeAddress(String s) {
        return s.length() <= 45 && !s.isEmpty()
                && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
