package io.edgeledger.api.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * One line per request: method, path, status, duration and who called (operator key name or probe id). Headers,
 * query strings and bodies are never logged, so keys, secrets and signatures cannot leak into logs.
 */
@Provider
@PreMatching
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** Request property with the authenticated caller, set by the auth code. */
    public static final String CALLER = "edgeledger.caller";
    private static final String STARTED = "edgeledger.started";
    private static final Logger LOG = Logger.getLogger("io.edgeledger.api.requests");

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        double millis = started instanceof Long t ? (System.nanoTime() - t) / 1e6 : -1;
        Object caller = request.getProperty(CALLER);
        LOG.infof("%s %s %d %.1fms caller=%s", request.getMethod(), request.getUriInfo().getPath(), response.getStatus(),
                millis, caller == null ? "-" : caller);
    }
}
