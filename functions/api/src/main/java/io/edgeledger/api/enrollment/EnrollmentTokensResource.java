package io.edgeledger.api.enrollment;

import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.errors.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Operators make short-lived, single-use enrollment tokens, list and revoke them. The token is shown once. */
@Path("/v1/enrollment-tokens")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class EnrollmentTokensResource {
    static final long DEFAULT_TTL = 3600;
    static final long MAX_TTL = 7 * 24 * 3600;

    private final EnrollmentTokenStore store;

    public EnrollmentTokensResource(EnrollmentTokenStore store) {
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateTokenRequest request) {
        long ttl = request == null || request.ttl() == null ? DEFAULT_TTL : request.ttl();
        if (ttl < 1 || ttl > MAX_TTL) {
            throw ApiException.badRequest("invalid_ttl", "ttl is in seconds, from 1 to " + MAX_TTL + " (7 days); got " + ttl);
        }
        List<String> tags = Tags.valid(request == null ? null : request.tags(), "tags");
        String prefix = request == null ? null : request.namePrefix();
        if (prefix != null && (prefix.isBlank() || prefix.length() > 64 || !prefix.matches("[A-Za-z0-9._-]+"))) {
            throw ApiException.badRequest("invalid_name_prefix", "name_prefix must be 1 to 64 of letters, digits, '.', '_', '-'");
        }
        return Response.status(201).entity(store.create(ttl, tags, prefix)).build();
    }

    @GET
    public Map<String, List<EnrollmentToken>> list() {
        return Map.of("enrollment_tokens", store.list());
    }

    @GET
    @Path("/{id}")
    public EnrollmentToken show(@PathParam("id") String id) {
        return store.find(id).orElseThrow(() -> unknown(id));
    }

    /** Revoke an unused token: an exchange after this is refused with 403 enrollment_token_revoked. */
    @DELETE
    @Path("/{id}")
    public EnrollmentToken revoke(@PathParam("id") String id) {
        return store.revoke(id).orElseThrow(() -> unknown(id));
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("enrollment_token_not_found",
                "no enrollment token with id '" + id + "' (ids are the 12 hex digits after 'elt_'); list them with GET /v1/enrollment-tokens");
    }
}
