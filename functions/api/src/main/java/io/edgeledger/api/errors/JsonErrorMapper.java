package io.edgeledger.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON the endpoint expects: 400 with the parser's location. */
@Provider
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("invalid_json", "the body is not valid JSON for this endpoint: " + e.getOriginalMessage()))
                .build();
    }
}
