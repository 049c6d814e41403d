package io.edgeledger.ledger.store.s3;

import java.net.URI;
import java.util.Map;

/**
 * Where the ledger bucket is. {@code endpoint} null means AWS itself (credentials from the default
 * provider chain); set, it is an S3-compatible server such as the local s3proxy, addressed path-style.
 * Access keys are optional and never printed ({@link #toString()} hides them).
 */
public record S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
    public static final String DEFAULT_BUCKET = "edgeledger-ledger";
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * From the environment: EDGELEDGER_S3_ENDPOINT (else the SDK's standard AWS_ENDPOINT_URL_S3, else
     * AWS_ENDPOINT_URL; none set means AWS), EDGELEDGER_S3_BUCKET (default edgeledger-ledger),
     * EDGELEDGER_S3_REGION (else AWS_REGION, default us-east-1), EDGELEDGER_S3_ACCESS_KEY /
     * EDGELEDGER_S3_SECRET_KEY (else the AWS default credential chain).
     */
    public static S3Settings fromEnv(Map<String, String> env) {
        String endpoint = firstNonBlank(env.get("EDGELEDGER_S3_ENDPOINT"), env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
        String region = firstNonBlank(env.get("EDGELEDGER_S3_REGION"), env.get("AWS_REGION"), DEFAULT_REGION);
        return new S3Settings(endpoint == null ? null : URI.create(endpoint), region,
                firstNonBlank(env.get("EDGELEDGER_S3_BUCKET"), DEFAULT_BUCKET),
                blankToNull(env.get("EDGELEDGER_S3_ACCESS_KEY")), blankToNull(env.get("EDGELEDGER_S3_SECRET_KEY")));
    }

    public S3Settings withEndpoint(URI newEndpoint) {
        return new S3Settings(newEndpoint, region, bucket, accessKey, secretKey);
    }

    public S3Settings withBucket(String newBucket) {
        return new S3Settings(endpoint, region, newBucket, accessKey, secretKey);
    }

    public S3Settings withCredentials(String newAccessKey, String newSecretKey) {
        return new S3Settings(endpoint, region, bucket, newAccessKey, newSecretKey);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + (endpoint == null ? "aws" : endpoint) + ", region=" + region + ", bucket=" + bucket
                + ", credentials=" + (accessKey != null ? "static" : "default chain") + "]";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
