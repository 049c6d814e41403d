package io.edgeledger.infra.cdc;

/** The two @Named Quarkus handlers in functions/cdc's one zip, picked per Lambda by QUARKUS_LAMBDA_HANDLER. */
public enum CdcHandler {
    BATCHER("cdc-batcher", "Seals Debezium events from Redis Streams into Merkle batches in S3"),
    MINTER("near-minter", "Notarizes sealed batches on NEAR, exactly once per batch");

    private final String handlerName;
    private final String description;

    CdcHandler(String handlerName, String description) {
        this.handlerName = handlerName;
        this.description = description;
    }

    public String handlerName() {
        return handlerName;
    }

    public String description() {
        return description;
    }
}
