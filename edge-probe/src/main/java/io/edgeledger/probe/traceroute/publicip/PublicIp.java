package io.edgeledger.probe.traceroute.publicip;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The source's public IP from the first configured HTTPS endpoint that answers with an address.
 * Offline (as in the lab) it returns the reasons instead: the trace is still reported, not failed.
 */
public record PublicIp(String address, String error) {
    public static PublicIp fetch(List<String> endpoints, long budgetMillis) {
        if (endpoints.isEmpty()) {
            return new PublicIp("", "no public IP endpoints configured");
        }
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        List<String> errors = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(Math.max(1, budgetMillis)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (String endpoint : endpoints) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                errors.add(endpoint + ": out of time");
                break;
            }
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofMillis(left)).GET().build();
                HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
                String body = resp.body() == null ? "" : resp.body().trim();
                if (resp.statusCode() == 200 && looksLikeAddress(body)) {
                    return new PublicIp(InetAddress.getByName(body).getHostAddress(), null);
                }
                errors.add(endpoint + ": HTTP " + resp.statusCode() + " without an address");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(endpoint + ": interrupted");
                break;
            } catch (Exception e) {
                errors.add(endpoint + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
        return new PublicIp("", "public IP unavailable: " + String.join("; ", errors));
    }

    /** Only a bare IPv4/IPv6 literal is accepted: never resolve a name an endpoint sent back. */
    static boolean looksLikeAddress(String s) {
        return s.length() <= 45 && !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
