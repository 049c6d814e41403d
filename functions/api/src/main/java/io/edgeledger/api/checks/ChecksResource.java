package io.edgeledger.api.checks;

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
        List<String> probeIds = probe != null && !probe.isBlank() ? List.of(probe)
                : probes.list().stream().map(Probe::probeId).toList();
        List<JsonNode> runs = new ArrayList<>();
        for (String id : probeIds) {
            for (JsonNode run : store.since(id, since.toEpochMilli())) {
                ObjectNode withProbe = run.deepCopy();
                withProbe.put("probe_id", id);
                runs.add(withProbe);
            }
        }
        runs.sort(Comparator.comparingLong((JsonNode r) -> r.path("timestamp").asLong()).reversed());
        return Map.of("runs", runs.size() > limit ? runs.subList(0, limit) : runs);
    }
}
