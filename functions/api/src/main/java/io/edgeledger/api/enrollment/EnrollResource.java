package io.edgeledger.api.enrollment;

import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.errors.RateLimitedException;
import io.edgeledger.api.logging.RequestLogFilter;
import io.edgeledger.api.probes.EnrollRequest;
import io.edgeledger.api.probes.Enrollment;
import io.edgeledger.api.probes.ProbeRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /v1/enroll}: a probe trades a single-use enrollment token (plus its hostname and version) for a probe id
 * and secret. No operator key is involved, so none ever reaches a customer host. The token is consumed atomically
 * before the probe is made: of two probes racing with one token exactly one gets a probe; a token whose probe could
 * not be made is spent all the same (the operator makes a new one) rather than risk two probes from one token.
 */
@Path("/v1/enroll")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollResource {
    private final EnrollmentTokenStore store;
    private final ProbeRegistry probes;
    private final int perSecond;
    private final int perTokenPerMinute;

    public EnrollResource(EnrollmentTokenStore store, ProbeRegistry probes,
            @ConfigProperty(name = "edgeledger.enrollment.exchanges-per-second", defaultValue = "20") int perSecond,
            @ConfigProperty(name = "edgeledger.enrollment.exchanges-per-token-per-minute", defaultValue = "10") int perTokenPerMinute) {
        this.store = store;
        this.probes = probes;
        this.perSecond = perSecond;
        this.perTokenPerMinute = perTokenPerMinute;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response exchange(ExchangeRequest request, @Context ContainerRequestContext context) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw ApiException.badRequest("missing_token", "send {\"token\": \"elt_...\", \"hostname\": ..., \"version\": ...}");
        }
        String tokenId = TokenFormat.idOf(request.token()).orElseThrow(() -> ApiException.forbidden("enrollment_token_invalid",
                "this is not an enrollment token (they look like elt_<12 hex>_<64 hex>); ask your operator for a new one"));
        context.setProperty(RequestLogFilter.CALLER, "enrollment-token:" + tokenId);
        if (!store.allowExchange(tokenId, perSecond, perTokenPerMinute)) {
            throw new RateLimitedException("too many enrollment attempts; retry after the Retry-After delay", 60);
        }
        String hostname = bounded(request.hostname(), "hostname");
        String version = bounded(request.version(), "version");
        String name = bounded(request.name(), "name");
        List<String> probeTags = Tags.valid(request.tags(), "tags");
        switch (store.consume(tokenId, request.token())) {
            case OK -> { }
            case USED -> throw ApiException.forbidden("enrollment_token_used",
                    "enrollment token " + tokenId + " was already used; each token enrolls one probe: ask your operator for a new one");
            case EXPIRED -> throw ApiException.forbidden("enrollment_token_expired",
                    "enrollment token " + tokenId + " has expired; ask your operator for a new one");
            case REVOKED -> throw ApiException.forbidden("enrollment_token_revoked",
                    "enrollment token " + tokenId + " was revoked; ask your operator for a new one");
            case UNKNOWN -> throw ApiException.forbidden("enrollment_token_invalid",
                    "enrollment token " + tokenId + " is not known (mistyped, or removed after expiry); ask your operator for a new one");
        }
        EnrollmentToken token = store.find(tokenId).orElseThrow();
        List<String> tags = new ArrayList<>(token.tags());
        probeTags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        String base = name != null ? name : hostname;
        String probeName = token.namePrefix() == null ? base : base == null ? token.namePrefix() : token.namePrefix() + "-" + base;
        Enrollment enrollment = probes.enroll(new EnrollRequest(probeName, hostname, tags));
        store.recordProbe(tokenId, enrollment.probeId(), hostname, version);
        context.setProperty(RequestLogFilter.CALLER, "enrollment-token:" + tokenId + " probe:" + enrollment.probeId());
        return Response.status(201).entity(enrollment).build();
    }

    private static String bounded(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 253 || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid_" + field, field + " must be at most 253 printable characters");
        }
        return value;
    }
}
