package io.edgeledger.api.agentevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.params.TimeParam;
import io.edgeledger.api.probes.Probe;
import io.edgeledger.api.probes.ProbeRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        List<String> probeIds = probe != null && !probe.isBlank() ? List.of(probe)
                : probes.list().stream().map(Probe::probeId).toList();
        List<JsonNode> events = new ArrayList<>();
        for (String id : probeIds) {
            for (JsonNode e : store.since(id, since.toEpochMilli())) {
                ObjectNode withProbe = e.deepCopy();
                withProbe.put("probe_id", id);
                events.add(withProbe);
            }
        }
        events.sort(Comparator.comparingLong((JsonNode e) -> e.path("timestamp").asLong()).reversed());
        return Map.of("events", events.size() > limit ? events.subList(0, limit) : events);
    }
}
