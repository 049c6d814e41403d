package io.edgeledger.infra.monitoring;

import io.edgeledger.infra.SynthesizedStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MonitoringStackTest {
    static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        template = stage.template(stage.stacks.monitoring());
    }

    @Test
    void errorsAndThrottlesOfEveryFunctionAlarm() {
        for (String function : List.of("edgeledger-dev-api", "edgeledger-dev-cdc-batcher",
                "edgeledger-dev-near-minter")) {
            for (String metric : List.of("Errors", "Throttles")) {
                template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                        "Namespace", "AWS/Lambda", "MetricName", metric, "Statistic", "Sum", "Period", 300,
                        "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                        "Dimensions", List.of(Map.of("Name", "FunctionName",
                                "Value", Map.of("Fn::ImportValue", Match.anyValue()))),
                        "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmsTopic")))));
            }
        }
        // errors + throttles per function, 2 heartbeats, minter event age and backlog, API 5xx, Redis memory
        template.resourceCountIs("AWS::CloudWatch::Alarm", 3 * 2 + 2 + 2 + 1 + 1);
    }

    @Test
    void bothScheduledFunctionsHaveAHeartbeat() {
        for (String function : List.of("edgeledger-dev-cdc-batcher", "edgeledger-dev-near-minter")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "MetricName", "Invocations", "Period", 600, "ComparisonOperator", "LessThanThreshold",
                    "Threshold", 1, "TreatMissingData", "breaching",
                    "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Fn::ImportValue",
                            Match.stringLikeRegexp(function.contains("batcher") ? "Batcher" : "Minter"))))));
        }
    }

    @Test
    void redisMemoryOfThePrimaryNodeAlarms() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ElastiCache", "MetricName", "DatabaseMemoryUsagePercentage",
                "Dimensions", List.of(Map.of("Name", "CacheClusterId", "Value", "edgeledger-dev-001")),
                "Threshold", 80, "ComparisonOperator", "GreaterThanThreshold"));
    }

    @Test
    void minterAgeIsWatchedByEventAgeAndBacklog() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "AsyncEventAge", "Statistic", "Maximum", "Threshold", 120_000));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", MinterAgeAlarms.NAMESPACE, "MetricName", MinterAgeAlarms.BACKLOG_METRIC,
                "Dimensions", List.of(Map.of("Name", "Stage", "Value", "dev")),
                "Threshold", 900, "EvaluationPeriods", 2));
    }

    @Test
    void apiServerErrorsAlarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ApiGateway", "MetricName", "5xx", "Threshold", 1));
    }

    @Test
    void alarmsGoToOneTopicWithoutSubscriptionsUnlessConfigured() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "edgeledger-dev-alarms"));
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }
}
