package io.edgeledger.infra.state;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * Archive of probe results (traceroutes, metrics, devlog events) the API keeps beyond Redis' recent window.
 * Operational data, not evidence: not versioned, moved to Infrequent Access after 30 days and, unless
 * {@code expireDays} is 0, deleted after that many days.
 */
public final class ResultsArchiveBucket extends Construct {
    private final Bucket bucket;

    public ResultsArchiveBucket(Construct scope, String id, int expireDays) {
        super(scope, id);
        LifecycleRule.Builder rule = LifecycleRule.builder()
                .id("age-out-results")
                .abortIncompleteMultipartUploadAfter(Duration.days(7));
        if (expireDays == 0 || expireDays > 30) {
            rule.transitions(List.of(Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS)
                    .transitionAfter(Duration.days(30)).build()));
        }
        if (expireDays > 0) {
            rule.expiration(Duration.days(expireDays));
        }
        List<LifecycleRule> rules = new ArrayList<>(List.of(rule.build()));
        bucket = SecureBucket.builder(this, "Bucket").lifecycleRules(rules).build();
    }

    public Bucket bucket() {
        return bucket;
    }
}
