package io.edgeledger.infra.state;

import io.edgeledger.infra.config.ObjectLock;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.StorageClass;
import software.constructs.Construct;

/**
 * The audit ledger: batch data, Merkle trees, indices and manifests. Versioned so an overwrite never destroys
 * evidence (the manifest is rewritten once when its mint completes); optionally under Object Lock so not even
 * an admin can delete a batch before its retention ends. Old versions move to cheaper storage, never expire.
 */
public final class LedgerBucket extends Construct {
    private final Bucket bucket;

    public LedgerBucket(Construct scope, String id, ObjectLock objectLock) {
        super(scope, id);
        Bucket.Builder builder = SecureBucket.builder(this, "Bucket")
                .versioned(true)
                .lifecycleRules(java.util.List.of(LifecycleRule.builder()
                        .id("noncurrent-versions-to-infrequent-access")
                        .noncurrentVersionTransitions(java.util.List.of(NoncurrentVersionTransition.builder()
                                .storageClass(StorageClass.INFREQUENT_ACCESS)
                                .transitionAfter(Duration.days(30))
                                .build()))
                        .build()));
        if (objectLock.enabled()) {
            builder.objectLockEnabled(true).objectLockDefaultRetention(switch (objectLock.mode()) {
                case GOVERNANCE -> ObjectLockRetention.governance(Duration.days(objectLock.days()));
                case COMPLIANCE -> ObjectLockRetention.compliance(Duration.days(objectLock.days()));
            });
        }
        bucket = builder.build();
    }

    public Bucket bucket() {
        return bucket;
    }
}
