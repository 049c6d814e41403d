package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.store.LedgerStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ledger in an S3 bucket. {@link #open} signs plain HTTP requests itself whenever keys are
 * configured or in the environment (every Lambda has them) and falls back to the AWS SDK's provider
 * chain otherwise; {@link #S3LedgerStore(S3Client, String)} wraps an SDK client the caller owns.
 */
public final class S3LedgerStore implements LedgerStore, AutoCloseable {
    private final S3Objects s3;
    private final String bucket;

    /** Uses an SDK client the caller owns (and closes). */
    public S3LedgerStore(S3Client s3, String bucket) {
        this(new SdkS3Objects(s3, bucket, false), bucket);
    }

    private S3LedgerStore(S3Objects s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A store with its own transport; {@link #close()} releases it. */
    public static S3LedgerStore open(S3Settings settings) {
        return open(settings, System.getenv());
    }

    static S3LedgerStore open(S3Settings settings, Map<String, String> env) {
        S3Objects objects = S3Credentials.resolve(settings, env)
                .<S3Objects>map(credentials -> new HttpS3Objects(settings, credentials, Clock.systemUTC()))
                .orElseGet(() -> new SdkS3Objects(SdkS3Objects.client(settings), settings.bucket(), true));
        return new S3LedgerStore(objects, settings.bucket());
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /** Creates the bucket when it does not exist yet (local stacks; in AWS the bucket comes from infra). */
    public void ensureBucket() {
        s3.ensureBucket();
    }

    @Override
    public void put(String key, byte[] bytes) {
        s3.put(key, bytes);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return s3.get(key);
    }

    @Override
    public List<String> list(String prefix) {
        return s3.list(prefix);
    }

    @Override
    public void close() {
        s3.close();
    }
}
