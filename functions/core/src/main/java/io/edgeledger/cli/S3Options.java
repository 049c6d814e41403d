package io.edgeledger.cli;

import io.edgeledger.ledger.store.s3.S3Settings;
import java.net.URI;
import picocli.CommandLine.Option;

/** The S3 options every bucket-reading command shares; unset ones come from EDGELEDGER_S3_* in the environment. */
final class S3Options {
    @Option(names = "--endpoint", description = "S3 endpoint URL (e.g. http://127.0.0.1:9000 for the local s3proxy); default: AWS")
    URI endpoint;

    @Option(names = "--bucket", description = "bucket (default: EDGELEDGER_S3_BUCKET, else edgeledger-ledger)")
    String bucket;

    @Option(names = "--region", description = "region (default us-east-1)")
    String region;

    @Option(names = "--access-key", description = "static access key (default: EDGELEDGER_S3_ACCESS_KEY, else the AWS credential chain)")
    String accessKey;

    @Option(names = "--secret-key", description = "static secret key (default: EDGELEDGER_S3_SECRET_KEY)")
    String secretKey;

    /** Commands that read a legacy ETRAP bucket need it named. */
    void requireLegacyBucket() {
        if (bucket == null) {
            throw CliException.badInput("--bucket is required: the legacy bucket the ETRAP agent wrote to");
        }
    }

    S3Settings settings() {
        S3Settings settings = S3Settings.fromEnv(System.getenv());
        if (endpoint != null) {
            settings = settings.withEndpoint(endpoint);
        }
        if (bucket != null) {
            settings = settings.withBucket(bucket);
        }
        if (region != null) {
            settings = new S3Settings(settings.endpoint(), region, settings.bucket(), settings.accessKey(), settings.secretKey());
        }
        if (accessKey != null || secretKey != null) {
            settings = settings.withCredentials(accessKey, secretKey);
        }
        return settings;
    }
}
