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
        AuthenticatedProbe probe = authenticator.authenticate(headers, "POST", uri.getRequestUri().getRawPath(), sent);
        request.setProperty(RequestLogFilter.CALLER, "probe:" + probe.probeId());
        byte[] plain = BodyDecoder.decode(sent, headers.getHeaderString("Content-Encoding"), config.api().maxInflatedBytes());
        IngestPayload payload;
        try {
            payload = WireMapper.mapper().readValue(plain, kind.payloadType());
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("invalid_payload", WireMapper.problem(e));
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (payload.probeId() != null && !probe.probeId().equals(payload.probeId())) {
            throw ApiException.badRequest("probe_mismatch", "probe_id in the body ('" + payload.probeId()
                    + "') is not the signing probe ('" + probe.probeId() + "')");
        }
        IngestResult result = service.ingest(probe.probeId(), payload);
        return Response.status("accepted".equals(result.status()) ? 202 : 200).entity(result).build();
    }
}
