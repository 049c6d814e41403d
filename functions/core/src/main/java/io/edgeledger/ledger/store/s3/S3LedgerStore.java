package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.ledger.store.LedgerStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The ledger in an S3 bucket, through the AWS SDK v2. Every PUT carries {@code Content-MD5} and
 * {@code x-amz-checksum-sha256}: the server checks both against the body it received before it stores
 * anything, so an accepted PUT is durable and intact without reading it back. {@link #open} builds its own
 * client ({@link S3Clients}); {@link #S3LedgerStore(S3Client, String)} wraps a client the caller owns.
 */
public final class S3LedgerStore implements LedgerStore, AutoCloseable {
    /** MD5 only for Content-MD5 (S3's oldest body check); the JDK's digest is an intrinsic like SHA-256's. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    });

    private final S3Client s3;
    private final String bucket;
    private final boolean ownsClient;
    private final Integer listPageSize;

    /** Uses an SDK client the caller owns (and closes). */
    public S3LedgerStore(S3Client s3, String bucket) {
        this(s3, bucket, false, null);
    }

    /** {@code listPageSize} null: the server's page size (1000 keys on S3); tests make it small. */
    S3LedgerStore(S3Client s3, String bucket, boolean ownsClient, Integer listPageSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.ownsClient = ownsClient;
        this.listPageSize = listPageSize;
    }

    /** A store with its own client; {@link #close()} releases it. */
    public static S3LedgerStore open(S3Settings settings) {
        return new S3LedgerStore(S3Clients.of(settings), settings.bucket(), true, null);
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /** Creates the bucket when it does not exist yet (local stacks; in AWS the bucket comes from infra). */
    public void ensureBucket() {
        try {
            SdkBuckets.ensure(s3, bucket);
        } catch (SdkException e) {
            throw new LedgerStoreException("bucket " + bucket + " is not reachable or could not be created: " + describe(e), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, byte[] sha256) {
        String md5 = Base64.getEncoder().encodeToString(MD5.get().digest(bytes));
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json")
                    .contentMD5(md5).checksumSHA256(Base64.getEncoder().encodeToString(sha256)),
                    // The SDK's fromBytes copies the body; ours is never changed after sealing, so it is sent as it is.
                    RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(bytes), bytes.length, "application/json"));
        } catch (SdkException e) {
            throw new LedgerStoreException("could not write s3://" + bucket + "/" + key + ": " + describe(e), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new LedgerStoreException("could not read s3://" + bucket + "/" + key + ": " + describe(e), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(listPageSize)).contents()) {
                keys.add(o.key());
            }
            keys.sort(null);
            return keys;
        } catch (SdkException e) {
            throw new LedgerStoreException("could not list s3://" + bucket + "/" + prefix + ": " + describe(e), e);
        }
    }

    /** ListObjectsV2 from {@code start-after}, page by page, until {@code max} keys: never past what the caller asked for. */
    @Override
    public List<String> listAfter(String prefix, String startAfter, int max) {
        List<String> keys = new ArrayList<>();
        String after = startAfter;
        try {
            while (keys.size() < max) {
                String from = after;
                int want = Math.min(max - keys.size(), listPageSize == null ? 1000 : listPageSize);
                ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).startAfter(from).maxKeys(want));
                for (S3Object o : page.contents()) {
                    keys.add(o.key());
                    after = o.key();
                }
                // each request starts after the last key seen; an empty page ends the listing whatever the server says
                if (!Boolean.TRUE.equals(page.isTruncated()) || page.contents().isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new LedgerStoreException("could not list s3://" + bucket + "/" + prefix + ": " + describe(e), e);
        }
        return keys.size() > max ? keys.subList(0, max) : keys;
    }

    @Override
    public List<String> childPrefixes(String prefix) {
        try {
            List<String> children = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/").maxKeys(listPageSize))
                    .commonPrefixes().forEach(p -> children.add(p.prefix()));
            children.sort(null);
            return children;
        } catch (SdkException e) {
            throw new LedgerStoreException("could not list s3://" + bucket + "/" + prefix + ": " + describe(e), e);
        }
    }

    /** "HTTP 403 SignatureDoesNotMatch: ..." for the server's refusals; the SDK's own text otherwise. */
    static String describe(SdkException e) {
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            return "HTTP " + s.statusCode() + " " + s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
