package io.edgeledger.infra.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.infra.SynthesizedStage;
import io.edgeledger.infra.TemplateValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StateStackTest {
    static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        template = stage.template(stage.stacks.state());
    }

    @Test
    void bothBucketsArePrivateEncryptedAndRetained() {
        Map<String, Map<String, Object>> buckets = template.findResources("AWS::S3::Bucket", Map.of());
        assertThat(buckets).hasSize(2);
        for (Map<String, Object> bucket : buckets.values()) {
            assertThat(bucket).containsEntry("DeletionPolicy", "Retain");
        }
        template.allResourcesProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))));
    }

    @Test
    void everyBucketPolicyDeniesPlainHttp() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::S3::BucketPolicy", Map.of());
        assertThat(policies).hasSize(2);
        template.allResourcesProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Action", "s3:*", "Principal", Map.of("AWS", "*"),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        template.allResourcesProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Action", "s3:*",
                        "Condition", Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2))))))))));
    }

    @Test
    void ledgerIsVersionedWithoutObjectLockByDefault() {
        String ledger = TemplateValues.logicalId(template, "AWS::S3::Bucket",
                Map.of("VersioningConfiguration", Map.of("Status", "Enabled")));
        assertThat(ledger).startsWith("LedgerBucket");
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "ObjectLockEnabled", Match.absent(),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "NoncurrentVersionTransitions", List.of(Map.of("StorageClass", "STANDARD_IA",
                                "TransitionInDays", 30)),
                        "ExpirationInDays", Match.absent()))))));
    }

    @Test
    void resultsArchiveExpiresAfterTheConfiguredDays() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Match.absent(),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 365, "Status", "Enabled",
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7)))))));
    }

    @Test
    void redisIsOneEncryptedValkeyNodeInTheIsolatedSubnets() {
        template.resourceCountIs("AWS::ElastiCache::ServerlessCache", 0);
        template.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of(
                "ReplicationGroupId", "edgeledger-dev",
                "Engine", "valkey",
                "CacheNodeType", "cache.t4g.micro",
                "NumCacheClusters", 1,
                "AutomaticFailoverEnabled", false,
                "TransitEncryptionEnabled", true,
                "AtRestEncryptionEnabled", true,
                "Port", 6379,
                "SnapshotRetentionLimit", 7,
                "SecurityGroupIds", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("RedisSg")))));
        template.hasResourceProperties("AWS::ElastiCache::SubnetGroup", Map.of(
                "SubnetIds", List.of(
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp("VpccacheSubnet1")),
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp("VpccacheSubnet2")))));
    }

    @Test
    void deletingTheStackSnapshotsRedis() {
        Map<String, Map<String, Object>> groups = template.findResources("AWS::ElastiCache::ReplicationGroup", Map.of());
        assertThat(groups.values()).singleElement().satisfies(group ->
                assertThat(group).containsEntry("DeletionPolicy", "Snapshot").containsEntry("UpdateReplacePolicy", "Snapshot"));
    }

    @Test
    void outputsTheTlsRedisUrl() {
        template.hasOutput("RedisUrl", Match.objectLike(Map.of("Value", Map.of("Fn::Join", List.of("",
                List.of("rediss://",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RedisReplicationGroup"),
                                "PrimaryEndPoint.Address")),
                        ":",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RedisReplicationGroup"),
                                "PrimaryEndPoint.Port"))))))));
    }
}
