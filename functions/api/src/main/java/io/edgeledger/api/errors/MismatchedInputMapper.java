package io.edgeledger.api.errors;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Quarkus REST ships its own mapper for this exception (an empty 400), and JAX-RS picks the most specific type, so the
 * general {@link JsonErrorMapper} never sees it: this one answers in our shape instead, e.g. for a JSON array posted
 * where an object belongs.
 */
@Provider
@Priority(Priorities.USER - 100)
public class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {
    @Override
    public Response toResponse(MismatchedInputException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(JsonErrorMapper.error(e)).build();
    }
}
