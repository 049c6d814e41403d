package io.edgeledger.probe.forwarder;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.probe.json.ProbeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ingest payloads to the backend so that none is lost: every payload is written (gzipped, fsynced) to the
 * {@link Spool} before {@link #submit} returns, and one sender thread delivers the spool in order, acking each batch
 * only after a 2xx (or 409, already ingested). Failures (network, 5xx, 429, 401/403) are retried with
 * {@link Backoff}; a payload the backend refuses as invalid (400, 404, 413, 415, 422) goes to {@code dead-letter/}
 * with the reason and is counted. The same batch may be sent twice after a crash; its {@code batch_id} makes the
 * server ingest it once.
 */
public final class Forwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Spool spool;
    private final SignedClient client;
    private final Backoff backoff;
    private final Path deadLetters;
    private final SenderSignal signal = new SenderSignal();
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong backlogSinceMillis = new AtomicLong();
    private volatile String lastError = "";
    private Thread sender;

    public Forwarder(ForwarderConfig config, Clock clock) {
        this(new Spool(config.spoolDir().resolve("forwarder"), config.spoolMaxBytes()), new SignedClient(config, clock),
                config.backoff(), config.spoolDir().resolve("dead-letter"));
    }

    public Forwarder(Spool spool, SignedClient client, Backoff backoff, Path deadLetters) {
        this.spool = spool;
        this.client = client;
        this.backoff = backoff;
        this.deadLetters = deadLetters;
    }

    /** Durably queues a payload; returns once it is fsynced in the spool. */
    public void submit(IngestPayload payload) {
        byte[] json;
        try {
            json = ProbeJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getMessage(), e);
        }
        spool.append(new SpooledBatch(payload.kind(), payload.batchId(), Gzip.compress(json)).encode());
        submitted.incrementAndGet();
        signal.wake();
    }

    public synchronized Forwarder start() {
        if (!signal.running()) {
            signal.start();
            sender = Thread.ofPlatform().name("forwarder").daemon().start(this::sendLoop);
        }
        return this;
    }

    private void sendLoop() {
        int failures = 0;
        while (signal.running()) {
            Optional<Spool.Entry> next;
            try {
                next = spool.peek();
            } catch (UncheckedIOException e) {
                lastError = e.getMessage();
                signal.pause(backoff.delay(++failures, random));
                continue;
            }
            if (next.isEmpty()) {
                signal.idle(Duration.ofMillis(500), spool::pendingRecords);
                continue;
            }
            Spool.Entry entry = next.get();
            if (entry.payload() == null) {
                deadLetter(entry, null, "spool record failed its checksum (disk corruption)");
                continue;
            }
            SpooledBatch batch = SpooledBatch.decode(entry.payload());
            try {
                HttpResponse<byte[]> response = client.post(batch.kind().path(), batch.gzippedBody(), REQUEST_TIMEOUT);
                int code = response.statusCode();
                if (code / 100 == 2 || code == 409) {
                    // counted before the ack: once the spool is empty, drain()ers see the final count
                    delivered.incrementAndGet();
                    spool.ack(entry);
                    failures = 0;
                    continue;
                }
                String reason = "HTTP " + code + " from " + batch.kind().path() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8).strip();
                if (code == 400 || code == 404 || code == 413 || code == 415 || code == 422) {
                    deadLetter(entry, batch, reason);
                    continue;
                }
                lastError = reason;
            } catch (IOException e) {
                lastError = "cannot reach the backend: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retries.incrementAndGet();
            Duration wait = backoff.delay(++failures, random);
            LOG.warn("forwarder: {}; retrying batch {} in {} ms", lastError, batch.batchId(), wait.toMillis());
            signal.pause(wait);
        }
    }

    private void deadLetter(Spool.Entry entry, SpooledBatch batch, String reason) {
        try {
            Files.createDirectories(deadLetters);
            String name = batch == null ? "corrupt-" + entry.segment() + "-" + entry.offset() : batch.batchId();
            if (batch != null) {
                Files.write(deadLetters.resolve(name + "." + batch.kind().wireName() + ".json.gz"), batch.gzippedBody());
            }
            Files.writeString(deadLetters.resolve(name + ".reason.txt"), reason + "\n");
        } catch (IOException e) {
            lastError = "cannot write dead letter: " + e.getMessage();
            signal.pause(Duration.ofSeconds(1));
            return; // keep the batch in the spool rather than lose it
        }
        LOG.error("forwarder: batch {} dead-lettered: {}", batch == null ? "?" : batch.batchId(), reason);
        spool.ack(entry);
        deadLettered.incrementAndGet();
        lastError = reason;
    }

    /** Waits until the spool is empty or the timeout passes; true when everything was delivered. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (spool.pendingRecords() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public ForwarderStats stats() {
        return new ForwarderStats(submitted.get(), delivered.get(), retries.get(), deadLettered.get(),
                spool.pendingRecords(), spool.totalBytes(), spool.droppedRecords(), lastError);
    }

    /**
     * Seconds since the spool was last seen empty, 0 when it is empty now: how far behind delivery is, an upper bound
     * of the oldest undelivered payload's age (spool records carry no time). Observed at each call, so its resolution is
     * the caller's period (the agent's 15 s flush).
     */
    public long backlogAgeSeconds(long nowMillis) {
        if (spool.pendingRecords() == 0) {
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
        signal.stopAndJoin(sender);
        spool.close();
    }
}
