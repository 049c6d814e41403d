package io.edgeledger.probe.datadog;

import io.edgeledger.probe.agent.config.DatadogConfig;
import io.edgeledger.probe.forwarder.Backoff;
import io.edgeledger.probe.forwarder.SenderSignal;
import io.edgeledger.probe.forwarder.Spool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Datadog intake and API key with its own spool and sender thread, so an outage or a bad key at one endpoint
 * never delays another or EdgeLedger. A request is acked only after a 2xx. 5xx, 429, 408 and network errors are
 * retried with {@link Backoff}; 400 and 413 (the intake refuses the body: retrying cannot help) are dropped and
 * counted. A 403 means the key is bad: the endpoint stops sending (keeping its spool) until the key file changes.
 * The key is read from its file and sent only in the {@code DD-API-KEY} header; it is never logged.
 */
public final class DatadogEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatadogEndpoint.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KEY_POLL = Duration.ofSeconds(1);

    private final URI url;
    private final Path keyFile;
    private final Spool spool;
    private final Backoff backoff;
    private final HttpClient http;
    private final SenderSignal signal = new SenderSignal();
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean forbidden;
    private String key;
    private Thread sender;

    public DatadogEndpoint(DatadogConfig.Endpoint endpoint, Path spoolDir, long spoolMaxBytes, Backoff backoff,
            HttpClient http) {
        this.url = endpoint.url();
        this.keyFile = endpoint.apiKeyFile();
        this.spool = new Spool(spoolDir, spoolMaxBytes);
        this.backoff = backoff;
        this.http = http;
    }

    public URI url() {
        return url;
    }

    /** Durably queues one request; returns once it is fsynced in this endpoint's spool. */
    public void submit(DatadogRequest request) {
        spool.append(request.encode());
        submitted.incrementAndGet();
        signal.wake();
    }

    public synchronized DatadogEndpoint start() {
        if (!signal.running()) {
            signal.start();
            sender = Thread.ofPlatform().name("datadog-" + url.getHost()).daemon().start(this::sendLoop);
        }
        return this;
    }

    private void sendLoop() {
        int failures = 0;
        while (signal.running()) {
            String current = readKey();
            if (current == null) {
                signal.pause(KEY_POLL);
                continue;
            }
            if (forbidden) {
                if (current.equals(key)) {
                    signal.pause(KEY_POLL); // same bad key: wait for the operator to replace the file
                    continue;
                }
                forbidden = false;
                failures = 0;
                LOG.info("datadog {}: the API key file changed, sending again", url);
            }
            key = current;
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
                rejected.incrementAndGet();
                lastError = "a spool record failed its checksum (disk corruption): dropped";
                spool.ack(entry);
                continue;
            }
            DatadogRequest request = DatadogRequest.decode(entry.payload());
            try {
                int code = post(request);
                if (code / 100 == 2) {
                    delivered.incrementAndGet(); // before the ack: once the spool is empty, the count is final
                    spool.ack(entry);
                    failures = 0;
                    continue;
                }
                if (code == 403) {
                    forbidden = true;
                    lastError = "HTTP 403 from " + url + request.path() + ": the API key in " + keyFile
                            + " was refused; sending stops until that file changes";
                    LOG.error("datadog {}", lastError);
                    continue;
                }
                if (code == 400 || code == 413) {
                    rejected.incrementAndGet();
                    lastError = "HTTP " + code + " from " + url + request.path() + ": " + request.items()
                            + " item(s) refused and dropped";
                    LOG.error("datadog {}", lastError);
                    spool.ack(entry);
                    continue;
                }
                lastError = "HTTP " + code + " from " + url + request.path();
            } catch (IOException e) {
                lastError = "cannot reach " + url + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retries.incrementAndGet();
            Duration wait = backoff.delay(++failures, random);
            LOG.warn("datadog: {}; retrying in {} ms", lastError, wait.toMillis());
            signal.pause(wait);
        }
    }

    private int post(DatadogRequest request) throws IOException, InterruptedException {
        String base = url.toString();
        URI target = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path());
        HttpRequest req = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                .header("DD-API-KEY", key)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", request.encoding())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The key as the file holds it now, or null (reported) when it cannot be read or is empty. */
    private String readKey() {
        try {
            String k = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            if (k.isEmpty()) {
                lastError = "the API key file " + keyFile + " is empty";
                return null;
            }
            return k;
        } catch (IOException e) {
            lastError = "cannot read the API key file " + keyFile + ": " + e.getClass().getSimpleName();
            return null;
        }
    }

    public DatadogStats stats() {
        return new DatadogStats(url.toString(), submitted.get(), delivered.get(), retries.get(), rejected.get(),
                spool.pendingRecords(), spool.totalBytes(), spool.droppedRecords(), forbidden, lastError);
    }

    @Override
    public void close() throws IOException {
        signal.stopAndJoin(sender);
        spool.close();
    }
}
