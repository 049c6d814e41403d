package io.edgeledger.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Anything nobody anticipated: logged with a reference id, answered as a 500 without the stack trace, so the
 * operator can find the log line from what the client saw.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return Response.status(500)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("internal_error", "the server failed on this request; reference " + reference
                        + " is in its log"))
                .build();
    }
}
