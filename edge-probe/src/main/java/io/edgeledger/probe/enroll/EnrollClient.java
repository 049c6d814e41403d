package io.edgeledger.probe.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** {@code POST /v1/enroll}: the token (plus hostname and version) for a probe id and secret. TLS is always verified. */
final class EnrollClient {
    /** What the API answered: the probe's identity, shown once. {@code toString} leaves the secret out. */
    record Identity(String probeId, String secret, String name) {
        @Override
        public String toString() {
            return "Identity[" + probeId + ", " + name + "]";
        }
    }

    /** A refusal with the API's {@code {code,message}}, or a transport failure (code "unreachable"). */
    static final class EnrollException extends Exception {
        final int status;
        final String code;

        EnrollException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private EnrollClient() {}

    /** https, or plain http to a loopback address only (the local stack), as for the forwarder. */
    static URI checkedApi(String api) {
        URI uri;
        try {
            uri = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--api is not a URL: " + api);
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--api must be an https:// URL, got " + api);
        }
        if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
            throw new IllegalArgumentException("--api must be https:// (plain http only to a loopback address), got " + api);
        }
        return uri;
    }

    static Identity exchange(URI api, String token, String hostname, String version, String name, List<String> tags)
            throws EnrollException, InterruptedException {
        ObjectNode body = ProbeJson.mapper().createObjectNode();
        body.put("token", token).put("hostname", hostname).put("version", version);
        if (name != null) {
            body.put("name", name);
        }
        tags.forEach(body.putArray("tags")::add);
        HttpResponse<String> response;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            response = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/enroll"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "edge-probe/" + version)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EnrollException(0, "unreachable", "cannot reach " + api + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""));
        }
        JsonNode json;
        try {
            json = ProbeJson.mapper().readTree(response.body());
        } catch (IOException e) {
            json = ProbeJson.mapper().createObjectNode();
        }
        if (response.statusCode() != 201) {
            throw new EnrollException(response.statusCode(), json.path("code").asText("http_" + response.statusCode()),
                    json.path("message").asText("the API answered HTTP " + response.statusCode()));
        }
        String probeId = json.path("probe_id").asText("");
        String secret = json.path("secret").asText("");
        if (probeId.isEmpty() || secret.isEmpty()) {
            throw new EnrollException(response.statusCode(), "bad_answer", "the API's answer has no probe_id or secret");
        }
        return new Identity(probeId, secret, json.path("probe").path("name").asText(probeId));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
