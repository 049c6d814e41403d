package io.edgeledger.api.probeauth;

import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.errors.RateLimitedException;
import io.edgeledger.api.probes.Probe;
import io.edgeledger.api.probes.ProbeCredentials;
import io.edgeledger.api.probes.ProbeRegistry;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.wire.CallbackSignature;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import io.vertx.mutiny.redis.client.Response;

/**
 * The probe side of DESIGN.md 2.5. Order matters: the cheap header checks first, then the probe (403 when unknown or
 * revoked), the clock skew, the HMAC (constant-time, in {@link CallbackSignature}), and only then the nonce is
 * recorded, so an attacker without the secret cannot burn a probe's nonces. The rate limit comes last so refused
 * requests do not use up a probe's budget.
 *
 * <p>Cost per request: the probe's secret is kept in memory for a few seconds (a probe's secret never changes; a new
 * enrollment is a new probe id), and the status check, nonce and rate limit go to Redis as ONE script
 * ({@link #CHECK_NONCE_AND_COUNT}), so a known probe costs one Redis round trip. Revocation still takes effect at once:
 * the script reads the probe's status in Redis on every request. Whenever the cached secret does not verify (or the
 * clock skew is off), the request is re-checked from Redis in the original order, so every error answer is exactly the
 * uncached one.
 */
@ApplicationScoped
public class ProbeAuthenticator {
    /**
     * Status, nonce and rate limit in one round trip; the same order and effects as the separate commands. When the
     * caller names a key to read (KEYS[4], an idempotency marker), its value comes back in the same answer, read only
     * once every check passed: {@code {count, value}} (the value absent when the key is).
     */
    static final String CHECK_NONCE_AND_COUNT = """
            local status = redis.call('HGET', KEYS[1], 'status')
            if not status then return {-2} end
            if status ~= ARGV[1] then return {-3} end
            if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then return {-1} end
            local n = redis.call('INCR', KEYS[3])
            if n == 1 then redis.call('EXPIRE', KEYS[3], 2) end
            if KEYS[4] then return {n, redis.call('GET', KEYS[4])} end
            return {n}
            """;
    private static final long CACHE_NANOS = 10_000_000_000L;
    private static final int CACHE_MAX = 100_000;

    private record Cached(CallbackSignature signature, long until) {}

    private final ProbeRegistry registry;
    private final RedisDataSource redis;
    private final Clock clock;
    private final int perSecond;
    private final ConcurrentHashMap<String, Cached> secrets = new ConcurrentHashMap<>();

    public ProbeAuthenticator(ProbeRegistry registry, RedisDataSource redis, Clock clock, ApiConfig config) {
        this.registry = registry;
        this.redis = redis;
        this.clock = clock;
        this.perSecond = config.api().probeRequestsPerSecond();
    }

    public AuthenticatedProbe authenticate(HttpHeaders headers, String method, String rawPath, byte[] body) {
        return authenticate(headers, method, rawPath, body, probeId -> null);
    }

    /**
     * As {@link #authenticate(HttpHeaders, String, String, byte[])}, and once the signature verified, {@code keyToRead}
     * names (from the probe id) a Redis key whose value comes back in {@link AuthenticatedProbe#read()}, read in the
     * same round trip as the nonce and rate limit, after them (null: nothing to read). It runs only for a signature that
     * verified, so it may parse the body; what it finds wrong it should keep and report after this returns, so the
     * errors come in the documented order (signature, probe, nonce, rate limit, then the body).
     */
    public AuthenticatedProbe authenticate(HttpHeaders headers, String method, String rawPath, byte[] body,
            Function<String, String> keyToRead) {
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
        Cached cached = secrets.get(probeId);
        boolean fast = cached != null && cached.until() - System.nanoTime() > 0
                && CallbackSignature.withinSkew(timestamp, clock.instant())
                && cached.signature().verify(signature, timestamp, nonce, method, rawPath, body);
        if (!fast) {
            secrets.remove(probeId);
            verifyFromRedis(probeId, timestamp, nonce, signature, method, rawPath, body);
        }
        Response answer = checkNonceAndCount(probeId, nonce, keyToRead.apply(probeId));
        long count = answer.get(0).toLong();
        if (count == -2) {
            secrets.remove(probeId);
            throw unknown(probeId);
        }
        if (count == -3) {
            secrets.remove(probeId);
            throw revoked(probeId);
        }
        if (count == -1) {
            throw ApiException.unauthorized("nonce_reused", "this nonce was already used; send a fresh random nonce with every request");
        }
        if (count > perSecond) {
            throw new RateLimitedException("probe " + probeId + " is over its limit of " + perSecond
                    + " requests per second; retry after the Retry-After delay", 1);
        }
        Response read = answer.size() > 1 ? answer.get(1) : null;
        return new AuthenticatedProbe(probeId, read == null ? null : read.toString());
    }

    /** The uncached check in the documented order; remembers the secret once it verified a signature. */
    private void verifyFromRedis(String probeId, long timestamp, String nonce, String signature, String method, String rawPath,
            byte[] body) {
        Optional<ProbeCredentials> found = registry.credentials(probeId);
        ProbeCredentials probe = found.orElseThrow(() -> unknown(probeId));
        if (!probe.active()) {
            throw revoked(probeId);
        }
        if (!CallbackSignature.withinSkew(timestamp, clock.instant())) {
            throw ApiException.unauthorized("timestamp_skew", "the request timestamp is more than "
                    + CallbackSignature.MAX_SKEW_SECONDS + " s away from the server clock (server time "
                    + clock.instant().getEpochSecond() + "); fix the probe's clock (NTP)");
        }
        CallbackSignature verifier = new CallbackSignature(probe.secret());
        if (!verifier.verify(signature, timestamp, nonce, method, rawPath, body)) {
            throw ApiException.unauthorized("bad_signature", "the signature does not match; check the probe secret and sign "
                    + "'timestamp\\nnonce\\nMETHOD\\npath\\nsha256hex(body)' over the body bytes as sent");
        }
        if (secrets.size() >= CACHE_MAX) {
            secrets.clear(); // a crude bound: far more probes than expected, so do not let the map grow without limit
        }
        secrets.put(probeId, new Cached(verifier, System.nanoTime() + CACHE_NANOS));
    }

    private Response checkNonceAndCount(String probeId, String nonce, String keyToRead) {
        long second = clock.millis() / 1000;
        String probeKey = RedisKeys.probe(probeId);
        String nonceKey = RedisKeys.nonce(probeId, nonce.toLowerCase());
        String rateKey = RedisKeys.rate(probeId, second);
        String active = Probe.ACTIVE;
        String ttl = Long.toString(CallbackSignature.NONCE_TTL_SECONDS);
        return keyToRead == null
                ? redis.execute("EVAL", CHECK_NONCE_AND_COUNT, "3", probeKey, nonceKey, rateKey, active, ttl)
                : redis.execute("EVAL", CHECK_NONCE_AND_COUNT, "4", probeKey, nonceKey, rateKey, keyToRead, active, ttl);
    }

    private static ApiException unknown(String probeId) {
        return ApiException.forbidden("unknown_probe", "probe '" + probeId + "' is not enrolled; enroll it with POST /v1/probes");
    }

    private static ApiException revoked(String probeId) {
        return ApiException.forbidden("probe_revoked", "probe '" + probeId + "' was revoked; enroll it again to get a new secret");
    }
}
