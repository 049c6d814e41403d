package io.edgeledger.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anHttpRequestBecomesThePayload20EventOfTheDocumentedShape() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("s=1; t=2"));
        byte[] event = HttpApiEvents.event(new HttpApiEvents.Request("POST", "/v1/ledger/verify", "x=1&x=2&y=%20z", headers,
                "{\"leaf_hash\":\"ab\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "localhost:8080"), "api1");
        JsonNode e = JSON.readTree(event);
        JsonNode documented = EventFixtures.load("http-api-v2.json");
        assertThat(e.get("version").asText()).isEqualTo("2.0");
        assertThat(e.get("routeKey").asText()).isEqualTo("$default");
        assertThat(e.get("rawPath").asText()).isEqualTo("/v1/ledger/verify");
        assertThat(e.get("rawQueryString").asText()).isEqualTo("x=1&x=2&y=%20z");
        assertThat(e.get("queryStringParameters").get("x").asText()).isEqualTo("1,2");
        assertThat(e.get("queryStringParameters").get("y").asText()).isEqualTo(" z");
        assertThat(e.get("headers").get("x-multi").asText()).isEqualTo("a,b");
        assertThat(e.get("headers").has("cookie")).isFalse();
        assertThat(e.get("cookies")).extracting(JsonNode::asText).containsExactly("s=1", "t=2");
        assertThat(e.get("body").asText()).isEqualTo("{\"leaf_hash\":\"ab\"}");
        assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(e.get("requestContext").get("http").get("method").asText()).isEqualTo("POST");
        assertThat(e.get("requestContext").has("authorizer")).isFalse();
        assertThat(e.has("pathParameters")).isFalse();
        // every field the event has is one the documented example has
        e.fieldNames().forEachRemaining(name -> assertThat(documented.has(name)).as(name).isTrue());
        e.get("requestContext").fieldNames().forEachRemaining(name ->
                assertThat(documented.get("requestContext").has(name)).as(name).isTrue());
    }

    @Test
    void aBinaryBodyIsBase64AndTheAnswerComesBackAsHttp() {
        byte[] event = HttpApiEvents.event(new HttpApiEvents.Request("PUT", "/x", null,
                Map.of("content-type", List.of("application/octet-stream")), new byte[] {0, 1, 2}, "::1", null), "a");
        assertThat(new String(event, StandardCharsets.UTF_8)).contains("\"isBase64Encoded\":true").contains("\"body\":\"AAEC\"");

        byte[] gzipped = HttpApiEvents.event(new HttpApiEvents.Request("POST", "/x", null,
                Map.of("content-type", List.of("application/json"), "content-encoding", List.of("gzip")),
                "{}".getBytes(StandardCharsets.UTF_8), "::1", null), "a");
        assertThat(new String(gzipped, StandardCharsets.UTF_8)).as("a compressed body is bytes").contains("\"isBase64Encoded\":true");

        HttpApiEvents.Response r = HttpApiEvents.response(new InvocationResult("id", null,
                "{\"statusCode\":201,\"headers\":{\"content-type\":\"text/plain\"},\"cookies\":[\"a=b\"],\"body\":\"aGk=\",\"isBase64Encoded\":true}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(r.headers().get("set-cookie")).containsExactly("a=b");

        assertThat(HttpApiEvents.response(InvocationResult.failure("id", "Runtime.ExitError", "gone")).status()).isEqualTo(500);
        HttpApiEvents.Response inferred = HttpApiEvents.response(new InvocationResult("id", null, "{\"ok\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(inferred.status()).isEqualTo(200);
    }

    @Test
    void theScheduledEventHasTheDocumentedFields() throws Exception {
        JsonNode e = JSON.readTree(ScheduledEvents.event("rule-1", java.time.Instant.parse("2026-01-02T03:04:05.678Z")));
        assertThat(e.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(e.get("source").asText()).isEqualTo("aws.events");
        assertThat(e.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(e.get("resources").get(0).asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/rule-1");
    }
}
