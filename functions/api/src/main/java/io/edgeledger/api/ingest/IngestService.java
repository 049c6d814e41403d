package io.edgeledger.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.api.archive.ArchiveGroupWriter;
import io.edgeledger.api.archive.ArchiveRecord;
import io.edgeledger.api.archive.SessionDays;
import io.edgeledger.api.checks.CheckRunStore;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.devlog.DevlogStore;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.jobs.Job;
import io.edgeledger.api.jobs.JobStore;
import io.edgeledger.api.metrics.MetricStore;
import io.edgeledger.api.paths.PathStore;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.wire.IngestKind;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one validated batch: archive to S3 first (the durable copy, group-committed with concurrent requests by
 * {@link ArchiveGroupWriter}; this call waits until its group is stored), then the recent views in Redis, and only
 * then the idempotency marker. A crash in between leaves no marker, so the probe's retry stores again; every write is keyed
 * by the batch or item, so storing twice changes nothing.
 */
@ApplicationScoped
public class IngestService {
    private final ArchiveGroupWriter archive;
    private final SessionDays sessionDays;
    private final PathStore paths;
    private final MetricStore metrics;
    private final CheckRunStore checkRuns;
    private final DevlogStore devlog;
    private final JobStore jobs;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final Clock clock;
    private final long idempotencyTtl;

    public IngestService(ArchiveGroupWriter archive, SessionDays sessionDays, PathStore paths, MetricStore metrics, CheckRunStore checkRuns,
            DevlogStore devlog, JobStore jobs, RedisDataSource redis, ObjectMapper json, Clock clock, ApiConfig config) {
        this.archive = archive;
        this.sessionDays = sessionDays;
        this.paths = paths;
        this.metrics = metrics;
        this.checkRuns = checkRuns;
        this.devlog = devlog;
        this.jobs = jobs;
        this.values = redis.value(String.class);
        this.json = json;
        this.clock = clock;
        this.idempotencyTtl = config.api().idempotencyTtlSeconds();
    }

    public IngestResult ingest(IngestKind kind, String probeId, JsonNode payload, int items) {
        String batchId = payload.get("batch_id").asText();
        String marker = RedisKeys.ingested(kind.wireName(), probeId, batchId);
        if (values.get(marker) != null) {
            return new IngestResult(batchId, kind.wireName(), "duplicate", items);
        }
        Job job = kind == IngestKind.TRACEROUTE ? jobFor(probeId, payload) : null;
        String name = kind.wireName();
        switch (kind) {
            case TRACEROUTE -> {
                long ts = Timestamps.toMillis(payload.get("timestamp").asLong());
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(Instant.ofEpochMilli(ts)), payload)));
                paths.add(probeId, PathStore.record(json, probeId, payload, ts), ts);
                if (job != null) {
                    jobs.complete(job, payload.get("result"), payload.hasNonNull("error") ? payload.get("error").asText() : null);
                }
            }
            case METRICS -> {
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(firstPointTime(payload)), payload)));
                payload.get("series").forEach(metrics::add);
            }
            case CHECK_RUNS -> {
                JsonNode runs = payload.get("runs");
                Instant at = runs.isEmpty() ? clock.instant() : Instant.ofEpochMilli(Timestamps.toMillis(runs.get(0).path("timestamp").asLong()));
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(at), payload)));
                checkRuns.add(probeId, runs);
            }
            case EVENTS -> {
                Map<String, List<JsonNode>> bySession = new LinkedHashMap<>();
                payload.get("events").forEach(e -> bySession.computeIfAbsent(e.get("sessionId").asText(), s -> new ArrayList<>()).add(e));
                List<ArchiveRecord> records = new ArrayList<>();
                for (Map.Entry<String, List<JsonNode>> session : bySession.entrySet()) {
                    LocalDate day = day(Instant.parse(session.getValue().get(0).path("timestamp").asText()));
                    sessionDays.ensureMarked(session.getKey(), day);
                    records.add(new ArchiveRecord(name, probeId, batchId, session.getKey(), day,
                            sessionBatch(batchId, probeId, session.getValue())));
                }
                archive.write(records);
                bySession.forEach((session, events) -> devlog.add(probeId, session, events));
            }
        }
        values.setex(marker, idempotencyTtl, Instant.now(clock).toString());
        return new IngestResult(batchId, kind.wireName(), "accepted", items);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The job a traceroute result answers, checked to belong to the posting probe. */
    private Job jobFor(String probeId, JsonNode payload) {
        if (!payload.hasNonNull("job_id")) {
            return null;
        }
        String jobId = payload.get("job_id").asText();
        Job job = jobs.find(jobId).orElseThrow(() -> ApiException.notFound("job_not_found",
                "job_id '" + jobId + "' is not a known job (it may have expired)"));
        if (!job.probeId().equals(probeId)) {
            throw ApiException.forbidden("wrong_probe", "job '" + jobId + "' was given to another probe");
        }
        return job;
    }

    private Instant firstPointTime(JsonNode payload) {
        for (JsonNode series : payload.get("series")) {
            for (JsonNode point : series.path("points")) {
                return Instant.ofEpochSecond(point.get(0).asLong());
            }
        }
        return clock.instant();
    }

    private JsonNode sessionBatch(String batchId, String probeId, List<JsonNode> events) {
        ObjectNode body = json.createObjectNode();
        body.put("batch_id", batchId);
        body.put("probe_id", probeId);
        body.putArray("events").addAll(events);
        return body;
    }
}
