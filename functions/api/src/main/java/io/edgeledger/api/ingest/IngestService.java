package io.edgeledger.api.ingest;

import io.edgeledger.api.agentevents.AgentEventStore;
import io.edgeledger.api.archive.ArchiveGroupWriter;
import io.edgeledger.api.archive.ArchiveRecord;
import io.edgeledger.api.archive.SessionDays;
import io.edgeledger.api.checks.CheckRunStore;
import io.edgeledger.api.probes.ProbeReports;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.devlog.DevlogStore;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.jobs.Job;
import io.edgeledger.api.jobs.JobStore;
import io.edgeledger.api.metrics.MetricStore;
import io.edgeledger.api.paths.PathStore;
import io.edgeledger.api.redis.OrderedWrites;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.wire.AgentEventsPayload;
import io.edgeledger.wire.CheckRunsPayload;
import io.edgeledger.wire.EventsPayload;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.SessionEvent;
import io.edgeledger.wire.UnixTime;
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
    private final AgentEventStore agentEvents;
    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final Clock clock;
    private final long idempotencyTtl;
    private final ProbeReports probeReports;

    public IngestService(ArchiveGroupWriter archive, SessionDays sessionDays, PathStore paths, MetricStore metrics, CheckRunStore checkRuns,
            DevlogStore devlog, JobStore jobs, AgentEventStore agentEvents, RedisDataSource redis, Clock clock,
            ApiConfig config, ProbeReports probeReports) {
        this.agentEvents = agentEvents;
        this.probeReports = probeReports;
        this.archive = archive;
        this.sessionDays = sessionDays;
        this.paths = paths;
        this.metrics = metrics;
        this.checkRuns = checkRuns;
        this.devlog = devlog;
        this.jobs = jobs;
        this.redis = redis;
        this.values = redis.value(String.class);
        this.clock = clock;
        this.idempotencyTtl = config.api().idempotencyTtlSeconds();
    }

    /** The key whose presence says this probe's batch was ingested. */
    public static String markerKey(String probeId, IngestPayload payload) {
        return RedisKeys.ingested(payload.kind().wireName(), probeId, payload.batchId());
    }

    public IngestResult ingest(String probeId, IngestPayload payload) {
        return ingest(probeId, payload, values.get(markerKey(probeId, payload)) != null);
    }

    /** {@code ingestedBefore}: the batch's marker was present when read (by the caller, e.g. with the probe's nonce). */
    public IngestResult ingest(String probeId, IngestPayload payload, boolean ingestedBefore) {
        String batchId = payload.batchId();
        String name = payload.kind().wireName();
        String marker = markerKey(probeId, payload);
        if (ingestedBefore) {
            return new IngestResult(batchId, name, "duplicate", payload.items());
        }
        switch (payload) {
            case TraceroutePayload traceroute -> {
                Job job = jobFor(probeId, traceroute);
                long ts = UnixTime.toMillis(traceroute.timestamp());
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(Instant.ofEpochMilli(ts)), traceroute)));
                paths.add(probeId, PathStore.record(probeId, traceroute, ts), ts);
                if (job != null) {
                    jobs.complete(job, traceroute.result() == null ? null : traceroute.result().json(), traceroute.error());
                }
            }
            case MetricsPayload batch -> {
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(firstPointTime(batch)), batch)));
                // the probe's self-report first (a round trip only when the batch carries edge_probe.* series; a
                // replay changes nothing), then the views and the marker in one round trip, still in order: the
                // marker only if every view was written
                probeReports.metrics(probeId, batch.series());
                List<List<String>> writes = new ArrayList<>();
                batch.series().forEach(series -> writes.addAll(metrics.writes(series)));
                writes.add(markerWrite(marker));
                OrderedWrites.apply(redis, writes);
                return new IngestResult(batchId, name, "accepted", payload.items());
            }
            case CheckRunsPayload batch -> {
                Instant at = batch.runs().isEmpty() ? clock.instant()
                        : Instant.ofEpochMilli(UnixTime.toMillis(batch.runs().get(0).timestamp()));
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(at), batch)));
                checkRuns.add(probeId, batch.runs());
                probeReports.checkRuns(probeId, batch.runs());
            }
            case AgentEventsPayload batch -> {
                Instant at = Instant.ofEpochMilli(UnixTime.toMillis(batch.events().get(0).timestamp()));
                archive.write(List.of(new ArchiveRecord(name, probeId, batchId, null, day(at), batch)));
                agentEvents.add(probeId, batch.events());
            }
            case EventsPayload batch -> {
                Map<String, List<SessionEvent>> bySession = new LinkedHashMap<>();
                batch.events().forEach(e -> bySession.computeIfAbsent(e.sessionId(), s -> new ArrayList<>()).add(e));
                List<ArchiveRecord> records = new ArrayList<>();
                for (Map.Entry<String, List<SessionEvent>> session : bySession.entrySet()) {
                    LocalDate day = day(session.getValue().get(0).instant());
                    sessionDays.ensureMarked(session.getKey(), day);
                    records.add(new ArchiveRecord(name, probeId, batchId, session.getKey(), day,
                            new EventsPayload(batchId, probeId, session.getValue())));
                }
                archive.write(records);
                bySession.forEach((session, events) -> devlog.add(probeId, session, events));
            }
        }
        values.setex(marker, idempotencyTtl, Instant.now(clock).toString());
        return new IngestResult(batchId, name, "accepted", payload.items());
    }

    private List<String> markerWrite(String marker) {
        return List.of("SETEX", marker, Long.toString(idempotencyTtl), Instant.now(clock).toString());
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The job a traceroute result answers, checked to belong to the posting probe. */
    private Job jobFor(String probeId, TraceroutePayload payload) {
        String jobId = payload.jobId();
        if (jobId == null) {
            return null;
        }
        Job job = jobs.find(jobId).orElseThrow(() -> ApiException.notFound("job_not_found",
                "job_id '" + jobId + "' is not a known job (it may have expired)"));
        if (!job.probeId().equals(probeId)) {
            throw ApiException.forbidden("wrong_probe", "job '" + jobId + "' was given to another probe");
        }
        return job;
    }

    /** The day of a metrics batch: its first point's (every timestamp is checked to be a valid instant). */
    private Instant firstPointTime(MetricsPayload payload) {
        for (MetricSeries series : payload.series()) {
            for (MetricPoint point : series.points()) {
                return Instant.ofEpochMilli(UnixTime.toMillis(point.timestamp()));
            }
        }
        return clock.instant();
    }
}
