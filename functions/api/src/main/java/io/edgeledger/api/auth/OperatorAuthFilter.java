package io.edgeledger.api.auth;

import io.edgeledger.api.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** {@code Authorization: Bearer elk_...} on every {@link OperatorOnly} endpoint; the key is looked up by its hash. */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorAuthFilter implements ContainerRequestFilter {
    private final ApiKeyStore keys;

    public OperatorAuthFilter(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("missing_api_key",
                    "this endpoint needs an operator key: send 'Authorization: Bearer <key>' (create one with ./edgeledger api create-key)");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("invalid_authorization", "the Authorization header must be 'Bearer <key>'");
        }
        String key = header.substring(7).trim();
        String name = keys.lookup(key).orElseThrow(() -> ApiException.unauthorized("invalid_api_key",
                "the API key is not known (revoked or mistyped); create one with ./edgeledger api create-key"));
        request.setProperty(io.edgeledger.api.logging.RequestLogFilter.CALLER, "operator:" + name);
    }
}
