package io.edgeledger.probe.forwarder;

import io.edgeledger.wire.CallbackSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** HTTP to the backend with every request signed by {@link CallbackSignature} (DESIGN.md 2.5). */
public final class SignedClient {
    private final URI backend;
    private final String probeId;
    private final CallbackSignature signature;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SignedClient(ForwarderConfig config, Clock clock) {
        this.backend = checkedBackend(config.backend());
        this.probeId = config.probeId();
        this.signature = new CallbackSignature(config.secret());
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .sslContext(TlsTrust.context(config.caBundle()))
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static URI checkedBackend(URI backend) {
        if (backend == null || backend.getHost() == null) {
            throw new ForwarderException("backend URL is missing or has no host: " + backend);
        }
        if ("https".equals(backend.getScheme())) {
            return backend;
        }
        if ("http".equals(backend.getScheme()) && isLoopback(backend.getHost())) {
            return backend; // the local stack; nothing leaves the machine
        }
        throw new ForwarderException("backend URL must be https (plain http only to a loopback address): " + backend);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public HttpResponse<byte[]> post(String path, byte[] gzippedJson, Duration timeout)
            throws IOException, InterruptedException {
        URI uri = resolve(path);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzippedJson));
        sign(req, "POST", uri, gzippedJson);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        URI uri = resolve(pathAndQuery);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        sign(req, "GET", uri, new byte[0]);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI resolve(String pathAndQuery) {
        String base = backend.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private void sign(HttpRequest.Builder req, String method, URI uri, byte[] body) {
        Map<String, String> headers = signature.headers(probeId, clock.instant(), CallbackSignature.newNonce(random),
                method, CallbackSignature.canonicalPath(uri), body);
        headers.forEach(req::header);
    }

    public String probeId() {
        return probeId;
    }
}
