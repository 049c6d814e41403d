package io.edgeledger.api.jobs;

import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.probes.Probe;
import io.edgeledger.api.probes.ProbeRegistry;
import io.edgeledger.wire.ProbeJob;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class JobsResource {
    private final JobStore jobs;
    private final ProbeRegistry probes;

    public JobsResource(JobStore jobs, ProbeRegistry probes) {
        this.jobs = jobs;
        this.probes = probes;
    }

    /** Queue a traceroute job for a probe; it is handed over on the probe's next long-poll. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JobRequest request) {
        if (request == null || request.probeId() == null || request.probeId().isBlank()) {
            throw ApiException.badRequest("invalid_job", "probe_id is required");
        }
        String kind = request.kind() == null ? ProbeJob.KIND_TRACEROUTE : request.kind();
        if (!ProbeJob.KIND_TRACEROUTE.equals(kind)) {
            throw ApiException.badRequest("invalid_job", "kind must be 'traceroute' (the only job kind probes run)");
        }
        if (request.params() == null) {
            throw ApiException.badRequest("invalid_job", "params is required: an object with at least 'target'");
        }
        Probe probe = probes.find(request.probeId()).orElseThrow(() -> ApiException.notFound("probe_not_found",
                "no probe with id '" + request.probeId() + "'; list them with GET /v1/probes"));
        if (!probe.active()) {
            throw ApiException.conflict("probe_revoked", "probe '" + probe.probeId() + "' is revoked and will never pick the job up");
        }
        Job job = jobs.create(probe.probeId(), kind, request.params());
        return Response.status(201).entity(job).build();
    }

    @GET
    @Path("/{id}")
    public Job show(@PathParam("id") String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("job_not_found",
                "no job with id '" + id + "' (jobs are kept for a limited time after they are posted)"));
    }
}
