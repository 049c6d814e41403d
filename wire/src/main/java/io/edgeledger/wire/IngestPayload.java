package io.edgeledger.wire;

/**
 * A body posted to {@code /v1/ingest/*}. Every payload carries a {@code batch_id} chosen by the probe when the
 * batch is made (before it is spooled), so retries and replays send the same id and the server ingests it once.
 * Each record checks itself when it is made or read, and names the bad field ({@link InvalidFieldException}).
 */
public sealed interface IngestPayload permits MetricsPayload, TraceroutePayload, EventsPayload, CheckRunsPayload,
        AgentEventsPayload {
    String batchId();

    String probeId();

    IngestKind kind();

    /** How many entries the batch carries (series, runs, events; 1 for a traceroute). */
    int items();
}
