package io.edgeledger.api.auth;

import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.probes.ProbeCredentials;
import io.edgeledger.api.probes.ProbeRegistry;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.wire.CallbackSignature;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;

/**
 * The probe side of DESIGN.md 2.5. Order matters: the cheap header checks first, then the probe (403 when unknown or
 * revoked), the clock skew, the HMAC (constant-time, in {@link CallbackSignature}), and only then the nonce is
 * recorded, so an attacker without the secret cannot burn a probe's nonces. The rate limit comes last so refused
 * requests do not use up a probe's budget.
 */
@ApplicationScoped
public class ProbeAuthenticator {
    private final ProbeRegistry registry;
    private final ValueCommands<String, String> values;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public ProbeAuthenticator(ProbeRegistry registry, RedisDataSource redis, RateLimiter rateLimiter, Clock clock) {
        this.registry = registry;
        this.values = redis.value(String.class);
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public AuthenticatedProbe authenticate(HttpHeaders headers, String method, String rawPath, byte[] body) {
        String probeId = headers.getHeaderString(CallbackSignature.HEADER_PROBE);
        String timestampHeader = headers.getHeaderString(CallbackSignature.HEADER_TIMESTAMP);
        String nonce = headers.getHeaderString(CallbackSignature.HEADER_NONCE);
        String signature = headers.getHeaderString(CallbackSignature.HEADER_SIGNATURE);
        if (probeId == null || timestampHeader == null || nonce == null || signature == null) {
            throw ApiException.unauthorized("missing_signature", "probe requests need the headers "
                    + CallbackSignature.HEADER_PROBE + ", " + CallbackSignature.HEADER_TIMESTAMP + ", "
                    + CallbackSignature.HEADER_NONCE + " and " + CallbackSignature.HEADER_SIGNATURE);
        }
        long timestamp;
        try {
            timestamp = CallbackSignature.parseTimestamp(timestampHeader);
        } catch (CallbackSignature.SignatureFormatException e) {
            throw ApiException.unauthorized("invalid_timestamp", e.getMessage());
        }
        if (!CallbackSignature.validNonce(nonce)) {
            throw ApiException.unauthorized("invalid_nonce", CallbackSignature.HEADER_NONCE + " must be 32 hex characters (128 random bits)");
        }
        ProbeCredentials probe = registry.credentials(probeId).orElseThrow(() -> ApiException.forbidden("unknown_probe",
                "probe '" + probeId + "' is not enrolled; enroll it with POST /v1/probes"));
        if (!probe.active()) {
            throw ApiException.forbidden("probe_revoked", "probe '" + probeId + "' was revoked; enroll it again to get a new secret");
        }
        if (!CallbackSignature.withinSkew(timestamp, clock.instant())) {
            throw ApiException.unauthorized("timestamp_skew", "the request timestamp is more than "
                    + CallbackSignature.MAX_SKEW_SECONDS + " s away from the server clock (server time "
                    + clock.instant().getEpochSecond() + "); fix the probe's clock (NTP)");
        }
        if (!new CallbackSignature(probe.secret()).verify(signature, timestamp, nonce, method, rawPath, body)) {
            throw ApiException.unauthorized("bad_signature", "the signature does not match; check the probe secret and sign "
                    + "'timestamp\\nnonce\\nMETHOD\\npath\\nsha256hex(body)' over the body bytes as sent");
        }
        String fresh = values.setGet(RedisKeys.nonce(probeId, nonce.toLowerCase()), "1",
                new SetArgs().nx().ex(CallbackSignature.NONCE_TTL_SECONDS));
        // SET NX GET returns the previous value: non-null means the nonce was already used.
        if (fresh != null) {
            throw ApiException.unauthorized("nonce_reused", "this nonce was already used; send a fresh random nonce with every request");
        }
        rateLimiter.acquire(probeId);
        return new AuthenticatedProbe(probeId);
    }
}
