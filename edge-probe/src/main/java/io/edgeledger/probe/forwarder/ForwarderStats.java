package io.edgeledger.probe.forwarder;

/** Counters for {@code edge-probe status} and {@code /metrics}. */
public record ForwarderStats(long submitted, long delivered, long retries, long deadLettered, long pending,
        long spoolBytes, long dropped, String lastError) {}
