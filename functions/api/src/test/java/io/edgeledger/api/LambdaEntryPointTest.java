package io.edgeledger.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Lambda entry point fed an API Gateway HTTP API (payload 2.0) event as JSON, through Quarkus' Lambda runtime
 * emulation: the event goes to the same handler AWS invokes and the answer is an API Gateway v2 response.
 */
@QuarkusTest
@io.edgeledger.api.support.MockEventServer
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class LambdaEntryPointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String event(String name) throws Exception {
        try (InputStream in = LambdaEntryPointTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${OPERATOR_KEY}", Api.operatorKey());
        }
    }

    @Test
    void anHttpApiV2EventIsAnsweredWithAV2Response() throws Exception {
        String answer = given().contentType("application/json").body(event("apigw-v2-get-probes.json"))
                .post("/_lambda_").then().statusCode(200).extract().asString();
        JsonNode response = JSON.readTree(answer);
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        String contentType = null;
        for (var header : (Iterable<java.util.Map.Entry<String, JsonNode>>) response.path("headers")::fields) {
            if (header.getKey().equalsIgnoreCase("content-type")) {
                contentType = header.getValue().asText();
            }
        }
        assertThat(contentType).startsWith("application/json");
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.has("probes")).isTrue();
    }

    @Test
    void anUnauthenticatedEventGetsA401WithTheErrorShape() throws Exception {
        String unauthenticated = event("apigw-v2-get-probes.json").replace("Bearer ", "Bearer wrong-");
        JsonNode response = JSON.readTree(given().contentType("application/json").body(unauthenticated).post("/_lambda_").asString());
        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
