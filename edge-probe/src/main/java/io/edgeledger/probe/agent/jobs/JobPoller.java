package io.edgeledger.probe.agent.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.checks.networkpath.PathTracer;
import io.edgeledger.probe.forwarder.Backoff;
import io.edgeledger.probe.forwarder.SignedClient;
import io.edgeledger.wire.BatchIds;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.ProbeJob;
import io.edgeledger.wire.InvalidFieldException;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.TracerouteResultJson;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backend jobs (DESIGN.md 2.5): long-polls {@code GET /v1/probes/{id}/jobs?wait=N} (signed), runs each
 * {@code traceroute} job through the same {@link PathTracer} as the network_path check (two at a time), and hands
 * the result, with its {@code job_id}, to the forwarder. A job that cannot run is answered with an {@code error}.
 */
public final class JobPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    private final SignedClient client;
    private final PathTracer tracer;
    private final Consumer<IngestPayload> results;
    private final int waitSeconds;
    private final Backoff backoff;
    private final ExecutorService workers = Executors.newFixedThreadPool(2,
            r -> Thread.ofPlatform().name("job-runner").daemon().unstarted(r));
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError = "";
    private Thread thread;

    public JobPoller(SignedClient client, PathTracer tracer, Consumer<IngestPayload> results, int waitSeconds,
            Backoff backoff) {
        this.client = client;
        this.tracer = tracer;
        this.results = results;
        this.waitSeconds = waitSeconds;
        this.backoff = backoff;
    }

    public synchronized JobPoller start() {
        running = true;
        thread = Thread.ofPlatform().name("job-poller").daemon().start(this::loop);
        return this;
    }

    private void loop() {
        SplittableRandom random = new SplittableRandom();
        int failures = 0;
        String path = "/v1/probes/" + URLEncoder.encode(client.probeId(), StandardCharsets.UTF_8) + "/jobs?wait="
                + waitSeconds;
        while (running) {
            try {
                List<JsonNode> jobs = pollOnce(path);
                failures = 0;
                jobs.forEach(job -> workers.submit(() -> runJob(job)));
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                failedPolls.incrementAndGet();
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Duration wait = backoff.delay(++failures, random);
                LOG.warn("job poll failed: {}; next try in {} ms", lastError, wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** The jobs of one answer, still as JSON: each is bound on its own, so one bad job is answered, not dropped. */
    List<JsonNode> pollOnce(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.get(path, Duration.ofSeconds(waitSeconds + 15L));
        if (response.statusCode() == 204) {
            return List.of();
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + path + ": "
                    + new String(response.body(), StandardCharsets.UTF_8).strip());
        }
        JsonNode body = ProbeJson.mapper().readTree(response.body());
        JsonNode array = body.isArray() ? body : body.path("jobs"); // DESIGN says a bare array; tolerate {"jobs": [..]}
        List<JsonNode> jobs = new ArrayList<>();
        array.forEach(jobs::add);
        received.addAndGet(jobs.size());
        return jobs;
    }

    void runJob(JsonNode json) {
        long now = Instant.now().getEpochSecond();
        String batchId = BatchIds.newBatchId();
        String jobId = json.path("id").asText(null);
        if (jobId == null || jobId.isEmpty()) {
            LOG.warn("a job without an id cannot be answered; dropped: {}", json);
            return;
        }
        try {
            ProbeJob job = bind(json);
            if (!ProbeJob.KIND_TRACEROUTE.equals(job.kind())) {
                throw new IllegalArgumentException("unsupported job kind '" + job.kind() + "' (this probe runs traceroute)");
            }
            String result = tracer.trace(job.params()).toJson();
            results.accept(new TraceroutePayload(batchId, client.probeId(), jobId, now, List.of(), TracerouteResultJson.written(result), null));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            results.accept(new TraceroutePayload(batchId, client.probeId(), jobId, now, List.of(), null, message));
        }
    }

    private static ProbeJob bind(JsonNode json) {
        try {
            return ProbeJson.mapper().treeToValue(json, ProbeJob.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("the job is not one this probe understands: " + problem(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the job is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A bad traceroute parameter names itself ({@code params.max-ttl must be ...}); anything else is in Jackson's words. */
    private static String problem(JsonMappingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFieldException invalid) {
                return invalid.within("params").getMessage(); // only the params (a TracerouteSpec) check themselves
            }
        }
        return e.getOriginalMessage();
    }

    public long jobsReceived() {
        return received.get();
    }

    public long failedPolls() {
        return failedPolls.get();
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        workers.shutdownNow();
    }
}
