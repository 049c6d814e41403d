package io.edgeledger.api.health;

import io.edgeledger.api.redis.RedisCredentialRefresh;
import io.edgeledger.api.redis.RedisUnavailableMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: unauthenticated; 200 when Redis answers, 503 with the reason and Retry-After when it does not (refused credentials are read again from their secret). */
@Path("/health")
public class HealthResource {
    private final RedisDataSource redis;
    private final RedisCredentialRefresh credentials;

    public HealthResource(RedisDataSource redis, RedisCredentialRefresh credentials) {
        this.redis = redis;
        this.credentials = credentials;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, String> body = new LinkedHashMap<>();
        try {
            redis.execute("PING");
            body.put("status", "ok");
            body.put("redis", "ok");
            return Response.ok(body).build();
        } catch (RuntimeException e) {
            if (RedisCredentialRefresh.isAuthFailure(e)) {
                credentials.refresh(); // a rotated AUTH secret: the next check connects with the new one
            }
            body.put("status", "degraded");
            body.put("redis", "unreachable: " + e.getMessage());
            return Response.status(503).header("Retry-After", RedisUnavailableMapper.RETRY_AFTER_SECONDS).entity(body).build();
        }
    }
}
