package io.edgeledger.api.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to an ingestion: {@code accepted} the first time, {@code duplicate} for a batch already ingested. */
public record IngestResult(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("kind") String kind,
        @JsonProperty("status") String status,
        @JsonProperty("items") int items) {}
