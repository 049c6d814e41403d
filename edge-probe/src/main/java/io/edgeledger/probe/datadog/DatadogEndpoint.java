package io.edgeledger.probe.datadog;

import io.edgeledger.probe.agent.config.DatadogConfig;
import io.edgeledger.probe.forwarder.Backoff;
import io.edgeledger.probe.forwarder.Spool;
import io.edgeledger.probe.forwarder.SpoolDrainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Datadog intake and API key with its own spool and sender thread, so an outage or a bad key at one endpoint
 * never delays another or EdgeLedger (the loop itself is the forwarder's {@link SpoolDrainer}). A request is acked only after a 2xx. 5xx, 429, 408 and network errors are
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
    private final HttpClient http;
    private final SpoolDrainer drainer;
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean forbidden;
    private String key;

    public DatadogEndpoint(DatadogConfig.Endpoint endpoint, Path spoolDir, long spoolMaxBytes, Backoff backoff,
            HttpClient http) {
        this.url = endpoint.url();
        this.keyFile = endpoint.apiKeyFile();
        this.http = http;
        this.drainer = new SpoolDrainer("datadog", new Spool(spoolDir, spoolMaxBytes), backoff, new SpoolDrainer.Delivery() {
            @Override
            public Duration holdOff() {
                return keyHoldOff();
            }

            @Override
            public SpoolDrainer.Outcome deliver(Spool.Entry entry) throws IOException, InterruptedException {
                return send(entry);
            }

            @Override
            public String target() {
                return url.toString();
            }
        });
    }

    public URI url() {
        return url;
    }

    /** Durably queues one request; returns once it is fsynced in this endpoint's spool. */
    public void submit(DatadogRequest request) {
        drainer.submit(request.encode());
    }

    public DatadogEndpoint start() {
        drainer.start("datadog-" + url.getHost());
        return this;
    }

    /** Sending waits while the key file is unreadable or still holds the key the intake refused with 403. */
    private Duration keyHoldOff() {
        String current = readKey();
        if (current == null) {
            return KEY_POLL;
        }
        if (forbidden) {
            if (current.equals(key)) {
                return KEY_POLL; // same bad key: wait for the operator to replace the file
            }
            forbidden = false;
            LOG.info("datadog {}: the API key file changed, sending again", url);
        }
        key = current;
        return null;
    }

    /** The intake's policy: 2xx delivers, 403 stops on the key, 400 and 413 drop (retrying cannot help). */
    private SpoolDrainer.Outcome send(Spool.Entry entry) throws IOException, InterruptedException {
        if (entry.payload() == null) {
            rejected.incrementAndGet();
            return SpoolDrainer.Outcome.settled("a spool record failed its checksum (disk corruption): dropped");
        }
        DatadogRequest request = DatadogRequest.decode(entry.payload());
        int code = post(request);
        if (code / 100 == 2) {
            return SpoolDrainer.Outcome.delivered();
        }
        if (code == 403) {
            String error = "HTTP 403 from " + url + request.path() + ": the API key in " + keyFile
                    + " was refused; sending stops until that file changes";
            drainer.reportError(error); // before the flag: whoever sees "forbidden" in the status sees why
            forbidden = true;
            LOG.error("datadog {}", error);
            return SpoolDrainer.Outcome.keep(error, Duration.ZERO);
        }
        if (code == 400 || code == 413) {
            rejected.incrementAndGet();
            String error = "HTTP " + code + " from " + url + request.path() + ": " + request.items()
                    + " item(s) refused and dropped";
            LOG.error("datadog {}", error);
            return SpoolDrainer.Outcome.settled(error);
        }
        return SpoolDrainer.Outcome.retry("HTTP " + code + " from " + url + request.path());
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
                drainer.reportError("the API key file " + keyFile + " is empty");
                return null;
            }
            return k;
        } catch (IOException e) {
            drainer.reportError("cannot read the API key file " + keyFile + ": " + e.getClass().getSimpleName());
            return null;
        }
    }

    public DatadogStats stats() {
        Spool spool = drainer.spool();
        return new DatadogStats(url.toString(), drainer.submitted(), drainer.delivered(), drainer.retries(), rejected.get(),
                spool.pendingRecords(), spool.totalBytes(), spool.droppedRecords(), forbidden, drainer.lastError());
    }

    @Override
    public void close() throws IOException {
        drainer.close();
    }
}
