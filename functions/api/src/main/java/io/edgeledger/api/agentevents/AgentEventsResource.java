package io.edgeledger.api.agentevents;

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
 * {@code GET /v1/events?probe=&since=&limit=}: the probes' Datadog-style events (DogStatsD {@code _e}, checks'
 * {@code Sender.event}), newest first, each with its {@code probe_id}; without {@code probe}, every enrolled probe's.
 * {@code since} defaults to an hour ago. (Devlog events have their own endpoints under {@code /v1/devlog}.)
 */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class AgentEventsResource {
    private final AgentEventStore store;
    private final ProbeRegistry probes;
    private final Clock clock;

    public AgentEventsResource(AgentEventStore store, ProbeRegistry probes, Clock clock) {
        this.store = store;
        this.probes = probes;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> events(@QueryParam("probe") String probe, @QueryParam("since") String sinceParam,
            @QueryParam("limit") String limitParam) {
        Instant since = TimeParam.parse("since", sinceParam, clock.instant().minusSeconds(3600));
        int limit = TimeParam.limit(limitParam, 1000, 10_000);
        return Map.of("events", ProbeRecords.newestFirst(probes, probe, store::since, since.toEpochMilli(), limit));
    }
}
