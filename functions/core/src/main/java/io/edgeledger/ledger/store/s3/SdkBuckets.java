package io.edgeledger.ledger.store.s3;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Creating a bucket on first use through the AWS SDK, for the ledger store and the API's archive alike. */
public final class SdkBuckets {
    private SdkBuckets() {}

    /**
     * Creates {@code bucket} unless it exists. Two first writers racing to create it both succeed (the loser's
     * 409 BucketAlreadyOwnedByYou is fine). Anything else is thrown as the SDK's exception, for the caller to word.
     */
    public static void ensure(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // create it below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) { // HEAD has no body, so a missing bucket is a bare 404
                throw e;
            }
        }
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // created concurrently by another writer of ours
        } catch (S3Exception e) {
            if (e.statusCode() != 409 || !"BucketAlreadyOwnedByYou".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
    }
}
