package io.edgeledger.local.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API's Lambda proxy integration, payload format 2.0, both ways: an HTTP request becomes the event
 * (header names lower-cased, repeated headers and query values joined with commas, cookies in their own list, a
 * body that is not text base64-encoded), and the function's answer becomes the HTTP response (or, when the answer
 * is not a {statusCode,...} document, a 200 with the answer as JSON body, as API Gateway infers).
 */
public final class HttpApiEvents {
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** An HTTP request as it reaches the front. Header names as sent; values in order. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                          String sourceIp, String host) {
    }

    /** What goes back to the HTTP client. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    public static byte[] event(Request request, String apiId) {
        ObjectNode event = EventFixtures.load("http-api-v2.json");
        for (String absent : List.of("pathParameters", "stageVariables", "cookies", "queryStringParameters", "body")) {
            event.remove(absent);
        }
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ObjectNode headers = event.putObject("headers");
        ArrayNode cookies = null;
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                cookies = cookies == null ? event.putArray("cookies") : cookies;
                for (String value : h.getValue()) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
                continue;
            }
            String joined = String.join(",", h.getValue());
            headers.put(name, headers.has(name) ? headers.get(name).asText() + "," + joined : joined);
        }
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (Map.Entry<String, String> q : queryParameters(request.rawQuery()).entrySet()) {
                query.put(q.getKey(), q.getValue());
            }
        }
        Instant now = Instant.now();
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.remove("authorizer");
        context.remove("authentication");
        context.put("accountId", CloudAssembly.LOCAL_ACCOUNT);
        context.put("apiId", apiId);
        context.put("domainName", request.host() == null ? apiId + ".execute-api.localhost" : request.host());
        context.put("domainPrefix", apiId);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("time", CLF.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        ObjectNode http = (ObjectNode) context.get("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("sourceIp", request.sourceIp());
        String agent = headers.path("user-agent").asText("");
        http.put("userAgent", agent);
        if (request.body() != null && request.body().length > 0) {
            boolean text = isText(headers.path("content-type").asText(""), headers.path("content-encoding").asText(""),
                    request.body());
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return EventFixtures.JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response response(InvocationResult result) {
        if (!result.ok()) {
            return json(500, "{\"message\":\"Internal Server Error\"}");
        }
        JsonNode answer;
        try {
            answer = EventFixtures.JSON.readTree(result.payload());
        } catch (java.io.IOException e) {
            return json(500, "{\"message\":\"Internal Server Error\"}");
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            return new Response(200, Map.of("content-type", List.of("application/json")), result.payload());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.path("multiValueHeaders").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            List<String> values = headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>());
            h.getValue().forEach(v -> values.add(v.asText()));
        }
        for (JsonNode cookie : answer.path("cookies")) {
            headers.computeIfAbsent("set-cookie", k -> new ArrayList<>()).add(cookie.asText());
        }
        String body = answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Response(answer.get("statusCode").asInt(), headers, bytes);
    }

    static Response json(int status, String body) {
        return new Response(status, Map.of("content-type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(key, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    /**
     * API Gateway base64-encodes bodies it does not see as text: a compressed body (Content-Encoding, e.g. the probe's
     * gzip) is bytes whatever its Content-Type, and so is anything that is not valid UTF-8.
     */
    private static boolean isText(String contentType, String contentEncoding, byte[] body) {
        if (!contentEncoding.isEmpty() && !contentEncoding.equalsIgnoreCase("identity")) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        boolean textType = ct.isEmpty() || ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
                || ct.contains("x-www-form-urlencoded") || ct.contains("javascript");
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return textType;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
