package io.edgeledger.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.binding.WireMapper;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body past every limit, delivered as AWS and {@code api serve} deliver it: still a {code,message} answer. */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
class OversizedEventTest {
    /**
     * Past Quarkus' outer 16 MB limit. The test HTTP port is Quarkus' mock event server, which refuses such a body
     * itself, so the event goes to the Lambda handler in-process, as AWS (and {@code api serve}) deliver it.
     */
    @Test
    void aBodyPastTheOuterLimitGetsOurErrorShape() throws Exception {
        byte[] seventeenMegabytes = ("{\"name\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/v1/jobs", "/v1/ingest/metrics")) {
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.event("POST", path, null, Map.of(
                    "Content-Type", List.of("application/json"), "Authorization", List.of("Bearer " + Api.operatorKey()),
                    "Content-Length", List.of(Integer.toString(seventeenMegabytes.length))), seventeenMegabytes, "127.0.0.1");
            ApiGatewayEvents.Response answer = ApiGatewayEvents.response(
                    new LambdaHttpHandler().handleRequest(event, new LocalLambdaContext(30_000)));
            assertThat(answer.status()).as(path).isEqualTo(413);
            JsonNode body = WireMapper.mapper().readTree(answer.body());
            assertThat(body.path("code").asText()).as(path).isEqualTo("body_too_large");
            assertThat(body.path("message").asText()).as(path).contains("limit");
        }
    }

    /**
     * A 2 MiB body sent chunked (no Content-Length, so the declared-length check cannot see it) to operator endpoints:
     * 413 body_too_large like a declared one, not bound and not a 201.
     */
    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] twoMegabytes = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/v1/probes", "/v1/jobs", "/v1/ingest/metrics")) {
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.event("POST", path, null, Map.of(
                    "Content-Type", List.of("application/json"), "Authorization", List.of("Bearer " + Api.operatorKey()),
                    "Transfer-Encoding", List.of("chunked")), twoMegabytes, "127.0.0.1");
            ApiGatewayEvents.Response answer = ApiGatewayEvents.response(
                    new LambdaHttpHandler().handleRequest(event, new LocalLambdaContext(30_000)));
            assertThat(answer.status()).as(path).isEqualTo(413);
            JsonNode body = WireMapper.mapper().readTree(answer.body());
            assertThat(body.path("code").asText()).as(path).isEqualTo("body_too_large");
        }
    }
}
