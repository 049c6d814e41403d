package io.edgeledger.api.probes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.api.redis.StoredJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Probes in Redis: a hash per probe ({@code edgeledger:probe:<id>}) and the set of ids. The HMAC secret is kept as
 * issued because the server must recompute signatures with it (unlike API keys, which are only compared by hash);
 * it is never returned after enrollment and never logged.
 */
@ApplicationScoped
public class ProbeRegistry {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final HashCommands<String, String, String> hashes;
    private final SetCommands<String, String> sets;
    private final ObjectMapper json;
    private final Clock clock;
    private final ProbeReports reports;

    public ProbeRegistry(RedisDataSource redis, ObjectMapper json, Clock clock, ProbeReports reports) {
        this.reports = reports;
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
        this.json = json;
        this.clock = clock;
    }

    public Enrollment enroll(EnrollRequest request) {
        String id = "p-" + randomHex(6);
        String secret = "eps_" + randomHex(32);
        String now = Instant.now(clock).toString();
        List<String> tags = request == null || request.tags() == null ? List.of() : List.copyOf(request.tags());
        String name = request == null || request.name() == null || request.name().isBlank() ? id : request.name();
        String hostname = request == null ? null : request.hostname();
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        if (hostname != null) {
            fields.put("hostname", hostname);
        }
        fields.put("tags", StoredJson.writeTags(json, tags));
        fields.put("status", Probe.ACTIVE);
        fields.put("created_at", now);
        fields.put("secret", secret);
        hashes.hset(RedisKeys.probe(id), fields);
        sets.sadd(RedisKeys.PROBES, id);
        return new Enrollment(id, secret, new Probe(id, name, hostname, tags, Probe.ACTIVE, now, null, null, null, List.of(), null));
    }

    public Optional<Probe> find(String probeId) {
        return fields(probeId).map(f -> toProbe(probeId, f));
    }

    /** The secret of an active probe; empty when the probe is unknown or revoked. */
    public Optional<ProbeCredentials> credentials(String probeId) {
        return fields(probeId).map(f -> new ProbeCredentials(probeId, f.get("secret"), Probe.ACTIVE.equals(f.get("status"))));
    }

    public List<Probe> list() {
        return sets.smembers(RedisKeys.PROBES).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Probe::createdAt).thenComparing(Probe::probeId))
                .toList();
    }

    /**
     * Up to {@code limit} probes by id after {@code cursor} (null: from the first), and the cursor of the next page (null
     * on the last): only the page's probes are read.
     */
    public ProbePage page(String cursor, int limit) {
        List<String> ids = sets.smembers(RedisKeys.PROBES).stream()
                .filter(id -> cursor == null || id.compareTo(cursor) > 0)
                .sorted()
                .toList();
        List<Probe> probes = ids.stream().limit(limit).map(this::find).flatMap(Optional::stream).toList();
        return new ProbePage(probes, ids.size() > limit ? ids.get(limit - 1) : null);
    }

    /** Revokes at once: the next signed request of this probe is refused. */
    public Optional<Probe> revoke(String probeId) {
        Optional<Map<String, String>> fields = fields(probeId);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (!Probe.REVOKED.equals(fields.get().get("status"))) {
            hashes.hset(RedisKeys.probe(probeId), Map.of("status", Probe.REVOKED, "revoked_at", Instant.now(clock).toString()));
        }
        return find(probeId);
    }

    private Optional<Map<String, String>> fields(String probeId) {
        if (probeId == null || probeId.isEmpty() || probeId.length() > 64) {
            return Optional.empty();
        }
        Map<String, String> fields = hashes.hgetall(RedisKeys.probe(probeId));
        return fields == null || fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    private Probe toProbe(String id, Map<String, String> f) {
        return new Probe(id, f.get("name"), f.get("hostname"), readTags(f.get("tags")), f.get("status"),
                f.get("created_at"), f.get("revoked_at"), f.get("last_seen"), f.get("version"), reports.latestChecks(id),
                ProbeReports.forwarder(f));
    }

    private List<String> readTags(String value) {
        return StoredJson.readTags(json, value);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
