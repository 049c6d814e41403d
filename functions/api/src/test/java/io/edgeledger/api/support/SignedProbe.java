package io.edgeledger.api.support;

import static io.restassured.RestAssured.given;

import io.edgeledger.wire.CallbackSignature;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/** A test probe: enrolled through the API, signing its requests exactly as the edge probe does. */
public final class SignedProbe {
    private static final SecureRandom RANDOM = new SecureRandom();

    public final String id;
    public final String secret;

    public SignedProbe(String id, String secret) {
        this.id = id;
        this.secret = secret;
    }

    public static SignedProbe enroll(String name) {
        Response response = Api.operator().contentType("application/json").body("{\"name\":\"" + name + "\",\"tags\":[\"env:test\"]}")
                .post("/v1/probes");
        if (response.statusCode() != 201) {
            throw new AssertionError("enrollment failed: " + response.statusCode() + " " + response.asString());
        }
        return new SignedProbe(response.path("probe_id"), response.path("secret"));
    }

    public Response post(String path, String json) {
        return post(path, json.getBytes(StandardCharsets.UTF_8), Instant.now(), CallbackSignature.newNonce(RANDOM), null);
    }

    public Response post(String path, byte[] body, Instant at, String nonce, String contentEncoding) {
        RequestSpecification request = signed("POST", path, body, at, nonce).body(body);
        if (contentEncoding != null) {
            request.contentType("application/octet-stream").header("Content-Encoding", contentEncoding);
        } else {
            request.contentType("application/json");
        }
        return request.post(path);
    }

    public Response get(String path, String query) {
        return signed("GET", path, new byte[0], Instant.now(), CallbackSignature.newNonce(RANDOM)).get(path + (query == null ? "" : "?" + query));
    }

    public RequestSpecification signed(String method, String path, byte[] body, Instant at, String nonce) {
        Map<String, String> headers = new CallbackSignature(secret).headers(id, at, nonce, method, path, body);
        return given().headers(headers);
    }
}
