package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.ledger.store.LedgerStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The ledger in an S3 bucket (AWS SDK v2, url-connection HTTP client: small and Lambda-friendly). */
public final class S3LedgerStore implements LedgerStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final boolean ownsClient;

    /** Uses a client the caller owns (and closes). */
    public S3LedgerStore(S3Client s3, String bucket) {
        this(s3, bucket, false);
    }

    private S3LedgerStore(S3Client s3, String bucket, boolean ownsClient) {
        this.s3 = s3;
        this.bucket = bucket;
        this.ownsClient = ownsClient;
    }

    /** Builds its own client from the settings; {@link #close()} releases it. */
    public static S3LedgerStore open(S3Settings settings) {
        return new S3LedgerStore(client(settings), settings.bucket(), true);
    }

    public static S3Client client(S3Settings settings) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint()).forcePathStyle(true);
        }
        if (settings.accessKey() != null && settings.secretKey() != null) {
            b.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /** Creates the bucket when it does not exist yet (local stacks; in AWS the bucket comes from infra). */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // created concurrently: fine
            } catch (SdkException ce) {
                throw new LedgerStoreException("could not create bucket " + bucket + ": " + ce.getMessage(), ce);
            }
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.services.s3.model.S3Exception s && s.statusCode() == 404) {
                s3.createBucket(b -> b.bucket(bucket));
                return;
            }
            throw new LedgerStoreException("bucket " + bucket + " is not reachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new LedgerStoreException("could not write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new LedgerStoreException("could not read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                keys.add(o.key());
            }
            keys.sort(null);
            return keys;
        } catch (SdkException e) {
            throw new LedgerStoreException("could not list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
