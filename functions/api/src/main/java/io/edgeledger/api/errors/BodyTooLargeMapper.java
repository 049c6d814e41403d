package io.edgeledger.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 413 {@code body_too_large}, the same answer as for a declared length over the limit ({@link BodySizeLimit}). */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException e) {
        return Response.status(413).type(MediaType.APPLICATION_JSON).header("Connection", "close")
                .entity(new ApiError("body_too_large", e.getMessage())).build();
    }
}
