package io.edgeledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.infra.lambda.FunctionEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A production-like stage with every optional knob turned: one synth, checked across stacks. */
class ConfiguredStageTest {
    static final String SIGNER_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:near/minter-AbCdEf";
    static SynthesizedStage stage;

    @BeforeAll
    static void synth() {
        stage = SynthesizedStage.with(Map.ofEntries(
                Map.entry("stage", "prod"),
                Map.entry("nearNetwork", "mainnet"),
                Map.entry("nearContract", "notary.acme.near"),
                Map.entry("nearAccount", "minter.acme.near"),
                Map.entry("nearDepositNear", "0.1"),
                Map.entry("nearSignerSecretArn", SIGNER_ARN),
                Map.entry("ledgerObjectLockDays", "2555"),
                Map.entry("ledgerObjectLockMode", "compliance"),
                Map.entry("snapStart", "true"),
                Map.entry("architecture", "x86_64"),
                Map.entry("cache", "serverless"),
                Map.entry("cacheEngine", "redis"),
                Map.entry("logRetentionDays", "365"),
                Map.entry("resultsArchiveExpireDays", "0"),
                Map.entry("natGateways", "2"),
                Map.entry("alarmEmail", "ops@acme.example")));
    }

    private static Template template(software.amazon.awscdk.Stack stack) {
        return stage.template(stack);
    }

    @Test
    void ledgerUsesObjectLockInTheChosenMode() {
        template(stage.stacks.state()).hasResourceProperties("AWS::S3::Bucket", Map.of(
                "ObjectLockEnabled", true,
                "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
                        "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 2555))),
                "VersioningConfiguration", Map.of("Status", "Enabled")));
    }

    @Test
    void resultsArchiveKeptForeverWhenExpiryIsZero() {
        template(stage.stacks.state()).hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Id", "age-out-results", "ExpirationInDays", Match.absent(),
                        "Transitions", List.of(Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30))))))));
    }

    @Test
    void serverlessRedisReplacesTheNode() {
        Template state = template(stage.stacks.state());
        state.resourceCountIs("AWS::ElastiCache::ReplicationGroup", 0);
        state.hasResourceProperties("AWS::ElastiCache::ServerlessCache", Map.of(
                "ServerlessCacheName", "edgeledger-prod", "Engine", "redis", "MajorEngineVersion", "7"));
        state.hasOutput("RedisUrl", Match.objectLike(Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "rediss://", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RedisServerless"), "Endpoint.Address")),
                ":", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RedisServerless"), "Endpoint.Port"))))))));
    }

    @Test
    void apiUsesSnapStartThroughItsAlias() {
        Template api = template(stage.stacks.api());
        api.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "edgeledger-prod-api", "Architectures", List.of("x86_64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        api.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live",
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiFunctionCurrentVersion"),
                        "Version"))));
        api.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
    }

    @Test
    void minterUsesTheImportedSignerAndMainnetSettings() {
        Template cdc = template(stage.stacks.cdc());
        cdc.resourceCountIs("AWS::SecretsManager::Secret", 0);
        assertThat(TemplateValues.environment(cdc, "edgeledger-prod-near-minter"))
                .containsEntry(FunctionEnv.NEAR_SIGNER_SECRET_ARN, SIGNER_ARN)
                .containsEntry(FunctionEnv.NEAR_NETWORK, "mainnet")
                .containsEntry(FunctionEnv.CDC_NEAR_RPC, "https://rpc.mainnet.near.org")
                .containsEntry(FunctionEnv.NEAR_CONTRACT, "notary.acme.near")
                .containsEntry(FunctionEnv.NEAR_ACCOUNT, "minter.acme.near")
                .containsEntry(FunctionEnv.NEAR_DEPOSIT, "0.1");
        cdc.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Resource", SIGNER_ARN))))))));
    }

    @Test
    void serverlessCacheHasNoNodeMemoryAlarm() {
        template(stage.stacks.monitoring()).resourceCountIs("AWS::CloudWatch::Alarm", 3 * 2 + 2 + 2 + 1);
    }

    @Test
    void twoNatGatewaysAndAnEmailSubscription() {
        template(stage.stacks.network()).resourceCountIs("AWS::EC2::NatGateway", 2);
        template(stage.stacks.monitoring()).hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "ops@acme.example"));
        template(stage.stacks.monitoring()).hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", MinterBacklog.METRIC, "Dimensions", List.of(Map.of("Name", "Stage", "Value", "prod"))));
    }

    @Test
    void synthLeavesNoWarningsOrErrors() {
        for (software.amazon.awscdk.Stack stack : stage.allStacks()) {
            template(stack);
            Annotations.fromStack(stack).hasNoError("*", Match.anyValue());
            Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
        }
    }

    /** The metric name the minter publishes, repeated here so a rename in one place fails this test. */
    static final class MinterBacklog {
        static final String METRIC = "MintBacklogOldestAgeSeconds";
    }
}
