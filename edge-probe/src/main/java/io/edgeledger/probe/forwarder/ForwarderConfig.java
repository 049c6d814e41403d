package io.edgeledger.probe.forwarder;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where and how to send. {@code backend} must be https, except plain http to a loopback address (the local stack);
 * {@code caBundle} (PEM), when set, is the only trust anchor used; otherwise the JDK's trust store.
 */
public record ForwarderConfig(URI backend, String probeId, String secret, Path caBundle, Path spoolDir,
        long spoolMaxBytes, Backoff backoff) {
    public static final long DEFAULT_SPOOL_MAX_BYTES = 256L * 1024 * 1024;
}
