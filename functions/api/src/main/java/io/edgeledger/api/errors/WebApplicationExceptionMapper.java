package io.edgeledger.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework-raised HTTP errors (unknown route, wrong method, bad query parameter type) in our error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code;
        String message;
        if (e instanceof NotFoundException) {
            code = "not_found";
            message = "no such endpoint; see the OpenAPI document at /q/openapi";
        } else if (e instanceof NotAllowedException) {
            code = "method_not_allowed";
            message = "this endpoint does not accept that HTTP method";
        } else if (e instanceof NotSupportedException) {
            code = "unsupported_media_type";
            message = "send the body as application/json";
        } else if (status == 404 && e.getCause() != null) {
            // a path or query parameter that did not convert, e.g. ?from=abc
            status = 400;
            code = "invalid_parameter";
            message = "a path or query parameter has the wrong type: " + e.getCause().getMessage();
        } else if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // a body the JSON reader refused and wrapped (e.g. a record whose constructor said no)
            ApiError error = JsonErrorMapper.error(json);
            code = error.code();
            message = error.message();
        } else if (status == 400) {
            code = "bad_request";
            message = e.getMessage() == null ? "the request is malformed" : e.getMessage();
        } else {
            code = "http_" + status;
            message = e.getMessage() == null ? "request failed" : e.getMessage();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message)).build();
    }
}
