package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.store.LedgerStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The ledger's S3 calls through the AWS SDK v2 (url-connection HTTP client: small and Lambda-friendly). */
final class SdkS3Objects implements S3Objects {
    private final S3Client s3;
    private final String bucket;
    private final boolean ownsClient;

    SdkS3Objects(S3Client s3, String bucket, boolean ownsClient) {
        this.s3 = s3;
        this.bucket = bucket;
        this.ownsClient = ownsClient;
    }

    static S3Client client(S3Settings settings) {
        // Every batch object is read back and compared byte for byte before anything is acknowledged, so
        // per-request checksums add nothing but CPU on both ends. Plain (not aws-chunked) bodies: one
        // payload hash instead of a signature per chunk, which S3-compatible servers verify cheaper too.
        // No Expect: 100-continue: it costs a round trip per PUT.
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).expectContinueEnabled(false).build());
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
    public void ensureBucket() {
        try {
            SdkBuckets.ensure(s3, bucket);
        } catch (SdkException e) {
            throw new LedgerStoreException("bucket " + bucket + " is not reachable or could not be created: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
