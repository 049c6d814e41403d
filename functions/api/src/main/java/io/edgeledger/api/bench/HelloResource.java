package io.edgeledger.api.bench;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.wire.MetricsPayload;
import io.edgeledger.api.binding.WireMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /v1/bench/hello}: the floor under signed ingestion, for bench/api. The same path through the Lambda HTTP
 * handler and Quarkus REST, the same body bound to the same wire record with the same mapper, and a JSON answer, but no
 * signature check, Redis or S3. Off unless {@code EDGELEDGER_BENCH_HELLO=true}: a 404 like any unknown route.
 */
@Path("/v1/bench/hello")
public class HelloResource {
    /** What the endpoint answers: the batch it read, so the body is really bound and written back. */
    public record Hello(String hello, String batchId, int items) {}

    private final boolean enabled;

    public HelloResource(@ConfigProperty(name = "edgeledger.bench.hello", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Hello hello(byte[] body) {
        if (!enabled) {
            throw ApiException.notFound("not_found", "no such endpoint; see the OpenAPI document at /q/openapi");
        }
        try {
            MetricsPayload payload = WireMapper.mapper().readValue(body, MetricsPayload.class);
            return new Hello("world", payload.batchId(), payload.items());
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("invalid_payload", WireMapper.problem(e));
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "the body is not valid JSON");
        }
    }
}
