package io.edgeledger.infra.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.infra.SynthesizedStage;
import io.edgeledger.infra.TemplateValues;
import io.edgeledger.infra.lambda.FunctionEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CdcStackTest {
    static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        template = stage.template(stage.stacks.cdc());
    }

    @Test
    void twoLambdasFromOneZipPickTheirHandlerByEnvironment() {
        template.resourceCountIs("AWS::Lambda::Function", 2);
        Map<String, Object> batcher = TemplateValues.onlyProperties(template, "AWS::Lambda::Function",
                Map.of("FunctionName", "edgeledger-dev-cdc-batcher"));
        Map<String, Object> minter = TemplateValues.onlyProperties(template, "AWS::Lambda::Function",
                Map.of("FunctionName", "edgeledger-dev-near-minter"));
        assertThat(batcher.get("Code")).isEqualTo(minter.get("Code"));
        for (Map<String, Object> function : List.of(batcher, minter)) {
            assertThat(function).containsEntry("Runtime", "java21")
                    .containsEntry("Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                    .containsEntry("ReservedConcurrentExecutions", 1);
            assertThat(((Number) function.get("Timeout")).intValue()).isLessThan(60);
        }
        assertThat(TemplateValues.environment(template, "edgeledger-dev-cdc-batcher"))
                .containsEntry(FunctionEnv.QUARKUS_LAMBDA_HANDLER, "cdc-batcher");
        assertThat(TemplateValues.environment(template, "edgeledger-dev-near-minter"))
                .containsEntry(FunctionEnv.QUARKUS_LAMBDA_HANDLER, "near-minter");
    }

    @Test
    void bothFunctionsRunC1OnlyForAFastStart() {
        for (String name : List.of("edgeledger-dev-cdc-batcher", "edgeledger-dev-near-minter")) {
            assertThat(TemplateValues.environment(template, name))
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void batcherGetsStreamsAndBucketButNoSigningKey() {
        Map<String, Object> env = TemplateValues.environment(template, "edgeledger-dev-cdc-batcher");
        assertThat(env).containsEntry(FunctionEnv.CDC_STREAM_PREFIX, "etrap")
                .containsKeys(FunctionEnv.REDIS_URL, FunctionEnv.LEDGER_BUCKET)
                .doesNotContainKeys(FunctionEnv.NEAR_SIGNER_SECRET_ARN, FunctionEnv.NEAR_ACCOUNT);
    }

    @Test
    void minterGetsTestnetDefaultsAndTheSignerSecret() {
        Map<String, Object> env = TemplateValues.environment(template, "edgeledger-dev-near-minter");
        String secret = TemplateValues.logicalId(template, "AWS::SecretsManager::Secret",
                Map.of("Name", "edgeledger-dev/near-signer"));
        assertThat(env).containsEntry(FunctionEnv.NEAR_NETWORK, "testnet")
                .containsEntry(FunctionEnv.CDC_NEAR_RPC, "https://rpc.testnet.near.org")
                .containsEntry(FunctionEnv.NEAR_CONTRACT, "notary.edgeledger.testnet")
                .containsEntry(FunctionEnv.NEAR_ACCOUNT, "edgeledger.testnet")
                .containsEntry(FunctionEnv.NEAR_DEPOSIT, "0.5")
                .containsEntry(FunctionEnv.NEAR_SIGNER_SECRET_ARN, Map.of("Ref", secret))
                .containsKeys(FunctionEnv.REDIS_URL, FunctionEnv.LEDGER_BUCKET);
        // The names functions/cdc's settings read, spelled out so a rename on either side shows here.
        assertThat(env).containsKeys("EDGELEDGER_REDIS_URL", "EDGELEDGER_S3_BUCKET", "EDGELEDGER_CDC_PREFIX",
                "EDGELEDGER_NEAR_RPC", "EDGELEDGER_NEAR_NETWORK", "EDGELEDGER_NEAR_CONTRACT", "EDGELEDGER_NEAR_ACCOUNT",
                "EDGELEDGER_NEAR_DEPOSIT").containsEntry("EDGELEDGER_HOME", "/tmp/edgeledger");
    }

    @Test
    void onlyTheMinterMayReadTheSigningKey() {
        String secret = TemplateValues.logicalId(template, "AWS::SecretsManager::Secret",
                Map.of("Name", "edgeledger-dev/near-signer"));
        Map<String, Map<String, Object>> readers = template.findResources("AWS::IAM::Policy", Map.of("Properties",
                Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Resource", Map.of("Ref", secret))))))))));
        assertThat(readers).hasSize(1);
        assertThat(readers.keySet().iterator().next()).startsWith("MinterHandler");
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "edgeledger-dev/near-signer",
                "SecretString", Match.stringLikeRegexp("\\{.*\"private_key\":\"REPLACE_ME.*")));
    }

    @Test
    void eachFunctionRunsEveryMinuteWithoutRetries() {
        for (String name : List.of("edgeledger-dev-cdc-batcher", "edgeledger-dev-near-minter")) {
            String function = TemplateValues.logicalId(template, "AWS::Lambda::Function", Map.of("FunctionName", name));
            String alias = aliasOf(function);
            template.hasResourceProperties("AWS::Events::Rule", Map.of(
                    "ScheduleExpression", "rate(1 minute)", "State", "ENABLED",
                    "Targets", List.of(Match.objectLike(Map.of(
                            "Arn", Map.of("Ref", alias),
                            "RetryPolicy", Map.of("MaximumRetryAttempts", 0, "MaximumEventAgeInSeconds", 60))))));
            template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                    "FunctionName", Map.of("Ref", function), "Qualifier", Match.not("$LATEST"), "MaximumRetryAttempts", 0,
                    "MaximumEventAgeInSeconds", 60));
        }
        template.resourceCountIs("AWS::Events::Rule", 2);
    }

    /** The logical id of the "live" alias of a function (a published version, which SnapStart needs). */
    private String aliasOf(String function) {
        return template.findResources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> e.getValue().toString().contains(function)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no alias of " + function));
    }

    @Test
    void bothFunctionsWriteTheLedger() {
        for (String role : List.of("BatcherHandler", "MinterHandler")) {
            template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                    "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp(role + "FunctionServiceRole"))),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(
                            Map.of("Action", Match.arrayWith(List.of("s3:PutObject"))))))))));
        }
    }
}
