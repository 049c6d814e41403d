package io.edgeledger.api.jobs;

import io.edgeledger.api.probeauth.AuthenticatedProbe;
import io.edgeledger.api.probeauth.ProbeAuthenticator;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.logging.RequestLogFilter;
import io.edgeledger.wire.ProbeJob;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The probe's job long-poll. It answers as soon as a job is queued, or with {@code []} when {@code wait} runs out,
 * and always before the Lambda's own time limit (minus a margin), so API Gateway never turns a quiet poll into a 5xx.
 */
@Path("/v1/probes/{id}/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeJobsResource {
    private static final long POLL_INTERVAL_MILLIS = 100;
    private static final int MAX_JOBS_PER_ANSWER = 10;

    private final ProbeAuthenticator authenticator;
    private final JobStore jobs;
    private final ApiConfig config;

    public ProbeJobsResource(ProbeAuthenticator authenticator, JobStore jobs, ApiConfig config) {
        this.authenticator = authenticator;
        this.jobs = jobs;
        this.config = config;
    }

    @GET
    public Response poll(@PathParam("id") String probeId, @QueryParam("wait") String waitParam,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest request,
            @Context ContainerRequestContext requestContext) throws InterruptedException {
        AuthenticatedProbe probe = authenticator.authenticate(headers, "GET", uri.getRequestUri().getRawPath(), new byte[0]);
        requestContext.setProperty(RequestLogFilter.CALLER, "probe:" + probe.probeId());
        if (!probe.probeId().equals(probeId)) {
            throw ApiException.forbidden("wrong_probe", "a probe may only poll its own jobs (signed as '" + probe.probeId() + "')");
        }
        int wait = parseWait(waitParam);
        long budget = wait * 1000L;
        var remaining = LambdaDeadline.remainingMillis(request);
        if (remaining.isPresent()) {
            budget = Math.max(0, Math.min(budget, remaining.getAsLong() - config.api().lambdaMarginMillis()));
        }
        long deadline = System.nanoTime() + budget * 1_000_000L;
        while (true) {
            List<Job> taken = jobs.take(probeId, MAX_JOBS_PER_ANSWER);
            if (!taken.isEmpty()) {
                return answer(taken.stream().map(j -> new ProbeJob(j.id(), j.kind(), j.params())).toList(), budget);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return answer(List.of(), budget);
            }
            Thread.sleep(Math.min(POLL_INTERVAL_MILLIS, left));
        }
    }

    /** The effective wait goes back in a header, so a probe (and a test) can see when the Lambda limit shortened it. */
    private static Response answer(List<ProbeJob> jobs, long budgetMillis) {
        return Response.ok(jobs).header("X-EdgeLedger-Poll-Budget-Ms", budgetMillis).build();
    }

    private int parseWait(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        int max = config.api().maxWaitSeconds();
        try {
            int wait = Integer.parseInt(value);
            if (wait >= 0 && wait <= max) {
                return wait;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ApiException.badRequest("invalid_wait", "wait must be whole seconds from 0 to " + max + ", got '" + value + "'");
    }
}
