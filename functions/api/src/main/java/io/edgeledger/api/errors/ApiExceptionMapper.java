package io.edgeledger.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.code(), e.getMessage()));
        if (e instanceof RateLimitedException limited) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"edgeledger\"");
        }
        return response.build();
    }
}
