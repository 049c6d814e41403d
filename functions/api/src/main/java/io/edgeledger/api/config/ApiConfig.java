package io.edgeledger.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Every setting of the API. Each has an environment variable by the usual mapping
 * ({@code edgeledger.api.max-body-bytes} = {@code EDGELEDGER_API_MAX_BODY_BYTES}); defaults suit the local stack.
 */
@ConfigMapping(prefix = "edgeledger")
public interface ApiConfig {
    Api api();

    S3 s3();

    Near near();

    interface Api {
        /** Largest request body accepted as sent (after gzip, if any). */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Largest body after inflating gzip: a small zip bomb must not fill the heap. */
        @WithDefault("8388608")
        int maxInflatedBytes();

        /** Signed requests per second one probe may make before getting 429. */
        @WithDefault("50")
        int probeRequestsPerSecond();

        /** How long recent results stay in Redis; older ones are answered from the S3 archive. */
        @WithDefault("172800")
        long recentTtlSeconds();

        /** How long a batch_id is remembered for idempotent ingestion. */
        @WithDefault("604800")
        long idempotencyTtlSeconds();

        /** How long a job and its result stay visible. */
        @WithDefault("604800")
        long jobTtlSeconds();

        /** Longest accepted {@code wait} of the job long-poll. */
        @WithDefault("20")
        int maxWaitSeconds();

        /** Time kept back from the Lambda's remaining time so a long-poll answers before the Lambda is killed. */
        @WithDefault("1500")
        long lambdaMarginMillis();

        /** Most ledger batches one verification without a batch id reads. */
        @WithDefault("500")
        int maxVerifyBatches();

        /** Most days of S3 archive one query reads. */
        @WithDefault("31")
        int maxArchiveDays();

        /** Most batches in one grouped archive object (group commit). */
        @WithDefault("512")
        int archiveGroupMaxRecords();

        /** Largest grouped archive object before it is written (a single bigger batch still goes out alone). */
        @WithDefault("8388608")
        int archiveGroupMaxBytes();

        /** Archive writes in flight at once; batches arriving meanwhile wait and go out together in the next one. */
        @WithDefault("1")
        int archiveGroupMaxInFlight();

        /** How long a batch may wait for others before its group is written; 0 = write as soon as nothing is in flight. */
        @WithDefault("0")
        long archiveGroupLingerMillis();

        /** How long a request waits for S3 to confirm its archive write before answering 503. */
        @WithDefault("20000")
        long archiveWriteTimeoutMillis();
    }

    interface S3 {
        /** S3 endpoint; empty means AWS itself (region endpoint). */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Static credentials; empty means the default AWS provider chain (the Lambda role). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        @WithDefault("true")
        boolean pathStyle();

        /** Where ingested payloads are archived. */
        @WithDefault("edgeledger-archive")
        String archiveBucket();

        /** Where the CDC batcher writes ledger batches. */
        @WithDefault("edgeledger-ledger")
        String ledgerBucket();
    }

    /** The chain and notary themselves are the core NotarySettings (shared with the minter); this is only the API's own. */
    interface Near {
        @WithDefault("10000")
        int timeoutMillis();
    }
}
