package io.edgeledger.probe.forwarder;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ingest payloads to the backend so that none is lost: every payload is written (gzipped, fsynced) to the
 * {@link Spool} before {@link #submit} returns, and one sender thread ({@link SpoolDrainer}) delivers the spool in order, acking each batch
 * only after a 2xx (or 409, already ingested). Failures (network, 5xx, 429, 401/403) are retried with
 * {@link Backoff}; a payload the backend refuses as invalid (400, 404, 413, 415, 422) goes to {@code dead-letter/}
 * with the reason and is counted. The same batch may be sent twice after a crash; its {@code batch_id} makes the
 * server ingest it once.
 */
public final class Forwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final SignedClient client;
    private final Path deadLetters;
    private final SpoolDrainer drainer;
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong backlogSinceMillis = new AtomicLong();

    public Forwarder(ForwarderConfig config, Clock clock) {
        this(new Spool(config.spoolDir().resolve("forwarder"), config.spoolMaxBytes()), new SignedClient(config, clock),
                config.backoff(), config.spoolDir().resolve("dead-letter"));
    }

    public Forwarder(Spool spool, SignedClient client, Backoff backoff, Path deadLetters) {
        this.client = client;
        this.deadLetters = deadLetters;
        this.drainer = new SpoolDrainer("forwarder", spool, backoff, new SpoolDrainer.Delivery() {
            @Override
            public SpoolDrainer.Outcome deliver(Spool.Entry entry) throws IOException, InterruptedException {
                return send(entry);
            }

            @Override
            public String target() {
                return "the backend";
            }
        });
    }

    /** Durably queues a payload; returns once it is fsynced in the spool. */
    public void submit(IngestPayload payload) {
        byte[] json;
        try {
            json = ProbeJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getMessage(), e);
        }
        drainer.submit(new SpooledBatch(payload.kind(), payload.batchId(), Gzip.compress(json)).encode());
    }

    public Forwarder start() {
        drainer.start("forwarder");
        return this;
    }

    /** The backend's policy: 2xx and 409 (already ingested) deliver, what it refuses as invalid is dead-lettered. */
    private SpoolDrainer.Outcome send(Spool.Entry entry) throws IOException, InterruptedException {
        if (entry.payload() == null) {
            return deadLetter(entry, null, "spool record failed its checksum (disk corruption)");
        }
        SpooledBatch batch = SpooledBatch.decode(entry.payload());
        HttpResponse<byte[]> response = client.post(batch.kind().path(), batch.gzippedBody(), REQUEST_TIMEOUT);
        int code = response.statusCode();
        if (code / 100 == 2 || code == 409) {
            return SpoolDrainer.Outcome.delivered();
        }
        String reason = "HTTP " + code + " from " + batch.kind().path() + ": "
                + new String(response.body(), StandardCharsets.UTF_8).strip();
        if (code == 400 || code == 404 || code == 413 || code == 415 || code == 422) {
            return deadLetter(entry, batch, reason);
        }
        return SpoolDrainer.Outcome.retry(reason + " (batch " + batch.batchId() + ")");
    }

    private SpoolDrainer.Outcome deadLetter(Spool.Entry entry, SpooledBatch batch, String reason) {
        try {
            Files.createDirectories(deadLetters);
            String name = batch == null ? "corrupt-" + entry.segment() + "-" + entry.offset() : batch.batchId();
            if (batch != null) {
                Files.write(deadLetters.resolve(name + "." + batch.kind().wireName() + ".json.gz"), batch.gzippedBody());
            }
            Files.writeString(deadLetters.resolve(name + ".reason.txt"), reason + "\n");
        } catch (IOException e) {
            // keep the batch in the spool rather than lose it
            return SpoolDrainer.Outcome.keep("cannot write dead letter: " + e.getMessage(), Duration.ofSeconds(1));
        }
        LOG.error("forwarder: batch {} dead-lettered: {}", batch == null ? "?" : batch.batchId(), reason);
        drainer.reportError(reason); // before the count: whoever sees it in the status sees why
        deadLettered.incrementAndGet();
        return SpoolDrainer.Outcome.settled(reason);
    }

    /** Waits until the spool is empty or the timeout passes; true when everything was delivered. */
    public boolean drain(Duration timeout) throws InterruptedException {
        return drainer.drain(timeout);
    }

    public ForwarderStats stats() {
        Spool spool = drainer.spool();
        return new ForwarderStats(drainer.submitted(), drainer.delivered(), drainer.retries(), deadLettered.get(),
                spool.pendingRecords(), spool.totalBytes(), spool.droppedRecords(), drainer.lastError());
    }

    /**
     * Seconds since the spool was last seen empty, 0 when it is empty now: how far behind delivery is, an upper bound
     * of the oldest undelivered payload's age (spool records carry no time). Observed at each call, so its resolution is
     * the caller's period (the agent's 15 s flush).
     */
    public long backlogAgeSeconds(long nowMillis) {
        if (drainer.spool().pendingRecords() == 0) {
            backlogSinceMillis.set(0);
            return 0;
        }
        backlogSinceMillis.compareAndSet(0, nowMillis);
        return Math.max(0, (nowMillis - backlogSinceMillis.get()) / 1000);
    }

    public SignedClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        drainer.close();
    }
}
