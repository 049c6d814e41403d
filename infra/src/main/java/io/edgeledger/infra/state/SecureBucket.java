package io.edgeledger.infra.state;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;

/** The settings every EdgeLedger bucket shares: private, encrypted, TLS 1.2+ only, kept when the stack goes. */
final class SecureBucket {
    private SecureBucket() {
    }

    static Bucket.Builder builder(software.constructs.Construct scope, String id) {
        return Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .removalPolicy(RemovalPolicy.RETAIN);
    }
}
