package io.edgeledger.probe.traceroute.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing and error bodies of the HTTP server; none of these requests sends a probe. */
class TracerouteServerTest {
    private static TracerouteServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TracerouteServer.start(new InetSocketAddress("127.0.0.1", 0), 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> call(String method, String pathAndQuery) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
        HttpRequest req = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> r = call("GET", "/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("ok");
        assertThat(json(r).path("traces_running").isInt()).isTrue();
        assertThat(json(r).path("traces_running").asInt()).isZero();
        assertThat(json(r).path("slots").asInt()).isEqualTo(2);
    }

    @Test
    void missingTargetIsABadRequestWithCodeAndMessage() throws Exception {
        HttpResponse<String> r = call("GET", "/traceroute?protocol=udp");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("code").asText()).isEqualTo("bad_request");
        assertThat(json(r).path("message").asText()).contains("target");
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertThat(json(call("GET", "/traceroute?target=198.18.0.2&protocol=sctp")).path("message").asText())
                .contains("sctp");
        assertThat(json(call("GET", "/traceroute?target=198.18.0.2&max-ttl=0")).path("message").asText())
                .contains("max-ttl");
        assertThat(json(call("GET", "/traceroute?target=198.18.0.2&port=x")).path("message").asText())
                .contains("port");
        assertThat(json(call("GET", "/traceroute?target=198.18.0.2&bogus=1")).path("message").asText())
                .contains("bogus");
        assertThat(call("GET", "/traceroute?target=198.18.0.2&tcp-method=fin").statusCode()).isEqualTo(400);
        HttpResponse<String> confidence = call("GET", "/traceroute?target=198.18.0.2&multipath&confidence=100");
        assertThat(confidence.statusCode()).isEqualTo(400);
        assertThat(json(confidence).path("message").asText()).isEqualTo("confidence must be between 50 and 99, got 100");
    }

    @Test
    void wrongMethodAndPathAreRefused() throws Exception {
        HttpResponse<String> post = call("POST", "/traceroute?target=198.18.0.2");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(json(post).path("code").asText()).isEqualTo("method_not_allowed");
        HttpResponse<String> missing = call("GET", "/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("code").asText()).isEqualTo("not_found");
    }
}
