package io.edgeledger.probe.datadog;

/**
 * One endpoint's counters for {@code status} and {@code /metrics}: requests queued, acknowledged, retried, refused
 * by the intake (400/413, dropped), waiting in the spool, dropped by the spool cap; {@code forbidden} while a 403
 * holds sending until the key file changes.
 */
public record DatadogStats(String url, long submitted, long delivered, long retries, long rejected, long queued,
        long spoolBytes, long spoolDropped, boolean forbidden, String lastError) {}
