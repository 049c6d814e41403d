package io.edgeledger.api.probes;

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
import io.edgeledger.api.params.TimeParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

@Path("/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class ProbesResource {
    private final ProbeRegistry registry;

    public ProbesResource(ProbeRegistry registry) {
        this.registry = registry;
    }

    /** Enroll a probe. The answer holds the secret; it is not retrievable later. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enroll(EnrollRequest request) {
        if (request != null && request.tags() != null && request.tags().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw ApiException.badRequest("invalid_tags", "tags must be non-empty strings like 'env:prod'");
        }
        Enrollment enrollment = registry.enroll(request);
        return Response.status(201).entity(enrollment).build();
    }

    /** {@code GET /v1/probes?limit=&cursor=}: by probe id; {@code next_cursor} (null on the last page) fetches the next page. */
    @GET
    public Map<String, Object> list(@QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor) {
        ProbePage page = registry.page(cursor == null || cursor.isEmpty() ? null : cursor, TimeParam.limit(limitParam, 1000, 1000));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("probes", page.probes());
        answer.put("next_cursor", page.nextCursor());
        return answer;
    }

    @GET
    @Path("/{id}")
    public Probe show(@PathParam("id") String id) {
        return registry.find(id).orElseThrow(() -> unknown(id));
    }

    /** Revoke: effective for the probe's very next request. */
    @DELETE
    @Path("/{id}")
    public Probe revoke(@PathParam("id") String id) {
        return registry.revoke(id).orElseThrow(() -> unknown(id));
    }

    static ApiException unknown(String id) {
        return ApiException.notFound("probe_not_found", "no probe with id '" + id + "'; list them with GET /v1/probes");
    }
}
