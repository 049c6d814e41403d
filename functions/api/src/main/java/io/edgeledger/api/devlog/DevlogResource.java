package io.edgeledger.api.devlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.archive.ArchiveReader;
import io.edgeledger.api.auth.OperatorOnly;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.params.TimeParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Devlog sessions (recent, from Redis) and a session's events: from Redis while the session is recent, from the S3
 * archive ({@code events/by-session/<id>/}) once Redis has let it expire.
 */
@Path("/v1/devlog/sessions")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class DevlogResource {
    private final DevlogStore store;
    private final ArchiveReader archive;

    public DevlogResource(DevlogStore store, ArchiveReader archive) {
        this.store = store;
        this.archive = archive;
    }

    @GET
    public Map<String, Object> sessions(@QueryParam("agent") String agent, @QueryParam("limit") String limitParam) {
        int limit = TimeParam.limit(limitParam, 100, 1000);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (String id : store.sessions(agent == null ? limit : 1000)) {
            store.session(id).filter(s -> agent == null || agent.equals(s.get("agent_id"))).ifPresent(sessions::add);
            if (sessions.size() >= limit) {
                break;
            }
        }
        return Map.of("sessions", sessions);
    }

    @GET
    @Path("/{id}/events")
    public Map<String, Object> events(@PathParam("id") String sessionId, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @QueryParam("type") String type, @QueryParam("limit") String limitParam,
            @QueryParam("offset") String offsetParam) {
        Instant from = TimeParam.parse("from", fromParam, Instant.EPOCH);
        Instant to = TimeParam.parse("to", toParam, Instant.parse("9999-12-31T00:00:00Z"));
        int limit = TimeParam.limit(limitParam, 1000, 10_000);
        int offset = TimeParam.offset(offsetParam);
        Optional<Map<String, Object>> session = store.session(sessionId);
        List<JsonNode> events;
        String source;
        if (session.isPresent()) {
            events = store.events(sessionId, from.toEpochMilli(), to.toEpochMilli());
            source = "redis";
        } else {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            for (JsonNode payload : archive.session(sessionId)) {
                for (JsonNode event : payload.path("events")) {
                    Instant at = Instant.parse(event.path("timestamp").asText());
                    if (sessionId.equals(event.path("sessionId").asText()) && !at.isBefore(from) && !at.isAfter(to)) {
                        byId.putIfAbsent(event.path("id").asText(), event);
                    }
                }
            }
            if (byId.isEmpty()) {
                throw ApiException.notFound("session_not_found", "no devlog session '" + sessionId + "' in Redis or the S3 archive");
            }
            events = byId.values().stream()
                    .sorted(Comparator.comparing((JsonNode e) -> Instant.parse(e.path("timestamp").asText())))
                    .toList();
            source = "s3";
        }
        List<JsonNode> matching = events.stream()
                .filter(e -> type == null || type.equals(e.path("eventType").asText()))
                .toList();
        List<JsonNode> selected = matching.stream().skip(offset).limit(limit).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("session_id", sessionId);
        answer.put("total", matching.size());
        answer.put("offset", offset);
        answer.put("events", selected);
        answer.put("source", source);
        return answer;
    }
}
