package io.edgeledger.api.checks;

import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.params.TimeParam;
import io.edgeledger.api.probes.ProbeRecords;
import io.edgeledger.api.probes.ProbeRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /v1/checks?probe=&since=&limit=}: the probes' recent check runs (status, message, warnings), newest first,
 * each with its {@code probe_id}; without {@code probe}, every enrolled probe's. {@code since} defaults to an hour ago.
 * The probe list carries only the newest run of each check ({@code ProbeReports}); this is the history.
 */
@Path("/v1/checks")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class ChecksResource {
    private final CheckRunStore store;
    private final ProbeRegistry probes;
    private final Clock clock;

    public ChecksResource(CheckRunStore store, ProbeRegistry probes, Clock clock) {
        this.store = store;
        this.probes = probes;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> runs(@QueryParam("probe") String probe, @QueryParam("since") String sinceParam,
            @QueryParam("limit") String limitParam) {
        Instant since = TimeParam.parse("since", sinceParam, clock.instant().minusSeconds(3600));
        int limit = TimeParam.limit(limitParam, 1000, 10_000);
        return Map.of("runs", ProbeRecords.newestFirst(probes, probe, store::since, since.toEpochMilli(), limit));
    }
}
