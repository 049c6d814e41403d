package io.edgeledger.api.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds API Gateway HTTP API (payload format 2.0) event JSON from a plain HTTP request and reads the Lambda's
 * response JSON back, so the local mode feeds the function exactly what API Gateway would.
 */
public final class ApiGatewayEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiGatewayEvents() {}

    public static byte[] request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headerNode.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values));
            }
        });
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "local");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("User-Agent", List.of("")).get(0));
        if (body != null && body.length > 0) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same event as {@link #request}, as the object the Lambda runtime would have read from that JSON: the local
     * mode hands it straight to Quarkus' HTTP handler and skips writing and re-reading the JSON on every request.
     */
    public static APIGatewayV2HTTPEvent event(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp) {
        Map<String, String> headerMap = new java.util.HashMap<>();
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headerMap.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values));
            }
        });
        boolean hasBody = body != null && body.length > 0;
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headerMap)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("local")
                        .withApiId("local")
                        .withDomainName("localhost")
                        // only a log correlation id here: no need for SecureRandom (a syscall) on every request
                        .withRequestId(new UUID(java.util.concurrent.ThreadLocalRandom.current().nextLong(),
                                java.util.concurrent.ThreadLocalRandom.current().nextLong()).toString())
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("User-Agent", List.of("")).get(0))
                                .build())
                        .build())
                .withBody(hasBody ? Base64.getEncoder().encodeToString(body) : null)
                .withIsBase64Encoded(hasBody)
                .build();
    }

    /** The Lambda's answer: status, headers (already comma-joined by the function) and body bytes. */
    public record Response(int status, Map<String, String> headers, byte[] body) {}

    public static Response response(APIGatewayV2HTTPResponse answer) {
        Map<String, String> headers = answer.getHeaders() == null ? Map.of() : answer.getHeaders();
        String body = answer.getBody() == null ? "" : answer.getBody();
        byte[] bytes = answer.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new Response(answer.getStatusCode(), headers, bytes);
    }

    public static Response response(byte[] json) throws java.io.IOException {
        JsonNode node = JSON.readTree(json);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        String body = node.path("body").isNull() ? "" : node.path("body").asText("");
        byte[] bytes = node.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Response(node.path("statusCode").asInt(500), headers, bytes);
    }
}
