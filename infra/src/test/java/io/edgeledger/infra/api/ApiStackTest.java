package io.edgeledger.infra.api;

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

class ApiStackTest {
    static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        template = stage.template(stage.stacks.api());
    }

    @Test
    void functionIsAQuarkusJava21LambdaInTheFunctionSubnets() {
        template.resourceCountIs("AWS::Lambda::Function", 1);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "edgeledger-dev-api",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "Timeout", 29,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "VpcConfig", Map.of(
                        "SecurityGroupIds", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("ApiFunctionSg"))),
                        "SubnetIds", List.of(
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp("VpcfunctionsSubnet1")),
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp("VpcfunctionsSubnet2"))))));
    }

    @Test
    void jvmRunsC1OnlyForAFastStart() {
        // spelled out (not the constant) so a change of the JVM options is a visible, reviewed change here
        assertThat(TemplateValues.environment(template, "edgeledger-dev-api"))
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    @Test
    void environmentPointsAtRedisBucketsSecretAndNear() {
        Map<String, Object> env = TemplateValues.environment(template, "edgeledger-dev-api");
        assertThat(env).containsEntry(FunctionEnv.NEAR_NETWORK, "testnet")
                .containsEntry(FunctionEnv.NEAR_ACCOUNT, "edgeledger.testnet")
                .containsEntry(FunctionEnv.API_NEAR_RPC_URL, "https://rpc.testnet.near.org")
                .containsEntry(FunctionEnv.NEAR_CONTRACT, "notary.edgeledger.testnet")
                .containsKeys(FunctionEnv.REDIS_URL, FunctionEnv.LEDGER_BUCKET, FunctionEnv.RESULTS_BUCKET,
                        FunctionEnv.API_SECRET_ARN)
                .doesNotContainKeys(FunctionEnv.QUARKUS_LAMBDA_HANDLER, FunctionEnv.NEAR_SIGNER_SECRET_ARN);
        // The names functions/api and functions/core read, spelled out so a rename on either side shows here.
        assertThat(env).containsKeys("EDGELEDGER_REDIS_URL", "EDGELEDGER_S3_BUCKET", "EDGELEDGER_ARCHIVE_BUCKET",
                "EDGELEDGER_NEAR_RPC", "EDGELEDGER_NEAR_CONTRACT", "EDGELEDGER_NEAR_ACCOUNT")
                .doesNotContainKeys("EDGELEDGER_HOME", "EDGELEDGER_STAGE"); // neither is read by the API (FunctionEnvContractTest)
        assertThat(env.get(FunctionEnv.REDIS_URL).toString()).contains("rediss://");
        assertThat(env.get(FunctionEnv.LEDGER_BUCKET).toString()).contains("LedgerBucket");
        assertThat(env.get(FunctionEnv.RESULTS_BUCKET).toString()).contains("ResultsArchiveBucket");
        String secret = TemplateValues.logicalId(template, "AWS::SecretsManager::Secret",
                Map.of("Name", "edgeledger-dev/api"));
        assertThat(env.get(FunctionEnv.API_SECRET_ARN)).isEqualTo(Map.of("Ref", secret));
    }

    @Test
    void pepperIsGeneratedBySecretsManagerAndReadableByTheFunction() {
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "edgeledger-dev/api",
                "GenerateSecretString", Map.of("SecretStringTemplate", "{}",
                        "GenerateStringKey", "operator_key_pepper", "PasswordLength", 48, "ExcludePunctuation", true),
                "SecretString", Match.absent()));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                        "Effect", "Allow"))))))));
    }

    @Test
    void logsAreKeptForTheConfiguredRetention() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/edgeledger-dev-api", "RetentionInDays", 30));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("LoggingConfig", Map.of(
                "LogFormat", "JSON", "LogGroup", Map.of("Ref", Match.stringLikeRegexp("ApiLogs")))));
    }

    @Test
    void httpApiSendsEveryRouteToTheLiveAlias() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("Name", "edgeledger-dev-api",
                "ProtocolType", "HTTP"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "$default"));
        String alias = TemplateValues.logicalId(template, "AWS::Lambda::Alias", Map.of("Name", "live"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY", "PayloadFormatVersion", "2.0", "IntegrationUri", Map.of("Ref", alias)));
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100)));
        template.hasOutput("ApiUrl", Match.anyValue());
    }

    @Test
    void accessLogsGoToTheirOwnLogGroupWithoutHeaders() {
        String group = TemplateValues.logicalId(template, "AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/edgeledger/dev/api-access", "RetentionInDays", 30));
        Map<String, Object> stage = TemplateValues.onlyProperties(template, "AWS::ApiGatewayV2::Stage",
                Map.of("StageName", "$default"));
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) stage.get("AccessLogSettings");
        assertThat(settings.get("DestinationArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(group, "Arn")));
        assertThat(settings.get("Format").toString()).contains("$context.requestId", "$context.status")
                .doesNotContain("header", "authorizer");
    }

    @Test
    void functionMayReadTheLedgerButNotWriteIt() {
        String ledgerExport = "LedgerBucket";
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy", Map.of());
        String text = policies.toString();
        assertThat(text).contains(ledgerExport).contains("ResultsArchiveBucket");
        int ledgerStatements = 0;
        for (Map<String, Object> policy : policies.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
            for (Map<String, Object> statement : TemplateValues.statements(props)) {
                if (statement.get("Resource").toString().contains(ledgerExport)) {
                    ledgerStatements++;
                    assertThat(statement.get("Action").toString()).contains("s3:GetObject")
                            .doesNotContain("s3:PutObject", "s3:DeleteObject");
                }
            }
        }
        assertThat(ledgerStatements).isEqualTo(1);
    }
}
