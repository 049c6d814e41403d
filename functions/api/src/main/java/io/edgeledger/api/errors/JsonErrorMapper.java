package io.edgeledger.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.edgeledger.api.binding.WireMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON the endpoint expects: 400 naming the field ({@code params.max-ttl must be between 1 and
 * 255}, {@code the body must be a JSON object}), or the parser's location when it is not JSON at all.
 */
@Provider
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(error(e)).build();
    }

    static ApiError error(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return new ApiError("invalid_body", WireMapper.problem(mapping));
        }
        return new ApiError("invalid_json", "the body is not valid JSON for this endpoint: " + e.getOriginalMessage());
    }
}
