package io.edgeledger.api.ingest;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.edgeledger.api.probeauth.AuthenticatedProbe;
import io.edgeledger.api.probeauth.ProbeAuthenticator;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.logging.RequestLogFilter;
import io.edgeledger.wire.IngestKind;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.api.binding.WireMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;

/**
 * {@code POST /v1/ingest/{traceroute|metrics|events|check-runs|agent-events}}, signed by a probe. The body is taken as bytes so the
 * signature is checked over exactly what was sent, before anything is inflated or parsed. The plain body then binds to
 * the kind's wire record, which checks itself; a bad field is a 400 that names it.
 */
@Path("/v1/ingest/{kind}")
public class IngestResource {
    private final ProbeAuthenticator authenticator;
    private final IngestService service;
    private final ApiConfig config;

    public IngestResource(ProbeAuthenticator authenticator, IngestService service, ApiConfig config) {
        this.authenticator = authenticator;
        this.service = service;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(@PathParam("kind") String kindName, byte[] body, @Context HttpHeaders headers,
            @Context UriInfo uri, @Context ContainerRequestContext request) {
        IngestKind kind;
        try {
            kind = IngestKind.fromWireName(kindName);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown_ingest_kind", e.getMessage());
        }
        byte[] sent = body == null ? new byte[0] : body;
        if (sent.length > config.api().maxBodyBytes()) {
            throw ApiException.tooLarge("the body is " + sent.length + " bytes; the limit is " + config.api().maxBodyBytes()
                    + " (send smaller batches or gzip them)");
        }
        // The body is inflated and bound only once the signature verified, inside the authenticator's call, so that
        // the batch's idempotency marker is read in the same Redis round trip as the nonce and rate limit; what is
        // wrong with the body is kept and answered after the authentication errors, in the documented order.
        Bound bound = new Bound();
        String encoding = headers.getHeaderString("Content-Encoding");
        AuthenticatedProbe probe = authenticator.authenticate(headers, "POST", uri.getRequestUri().getRawPath(), sent,
                probeId -> bound.bind(kind, sent, encoding, probeId));
        request.setProperty(RequestLogFilter.CALLER, "probe:" + probe.probeId());
        IngestPayload payload = bound.payload();
        if (payload.probeId() != null && !probe.probeId().equals(payload.probeId())) {
            throw ApiException.badRequest("probe_mismatch", "probe_id in the body ('" + payload.probeId()
                    + "') is not the signing probe ('" + probe.probeId() + "')");
        }
        IngestResult result = service.ingest(probe.probeId(), payload, probe.read() != null);
        return Response.status("accepted".equals(result.status()) ? 202 : 200).entity(result).build();
    }

    /** The body bound to its wire record, or the 4xx that says why it cannot be, kept until the probe is authenticated. */
    private final class Bound {
        private IngestPayload payload;
        private ApiException problem;

        /** Binds the body; the batch's idempotency marker key when it bound (null otherwise: nothing to read). */
        String bind(IngestKind kind, byte[] sent, String encoding, String probeId) {
            try {
                byte[] plain = BodyDecoder.decode(sent, encoding, config.api().maxInflatedBytes());
                payload = WireMapper.mapper().readValue(plain, kind.payloadType());
            } catch (ApiException e) {
                problem = e;
            } catch (JsonMappingException e) {
                problem = ApiException.badRequest("invalid_payload", WireMapper.problem(e));
            } catch (IOException e) {
                problem = ApiException.badRequest("invalid_json", "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return payload == null ? null : IngestService.markerKey(probeId, payload);
        }

        IngestPayload payload() {
            if (problem != null) {
                throw problem;
            }
            return payload;
        }
    }
}
