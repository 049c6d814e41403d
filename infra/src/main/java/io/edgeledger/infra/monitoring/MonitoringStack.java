package io.edgeledger.infra.monitoring;

import io.edgeledger.infra.api.ApiStack;
import io.edgeledger.infra.cdc.CdcStack;
import io.edgeledger.infra.config.CacheKind;
import io.edgeledger.infra.config.InfraConfig;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * CloudWatch alarms on the functions (errors, throttles, schedule heartbeats), the API (5xx), Redis memory and
 * the minter's age, all sent to one SNS topic. Dead-letter streams are watched by the app itself (their growth is an application signal).
 */
public final class MonitoringStack extends Stack {
    private final AlarmTopic topic;

    public MonitoringStack(Construct scope, String id, StackProps props, InfraConfig config, ApiStack api,
                           CdcStack cdc) {
        super(scope, id, props);
        topic = new AlarmTopic(this, "Alarms", config.namePrefix() + "-alarms", config.alarmEmail());
        new FunctionAlarms(this, "ApiFunction", "API function", api.function(), topic.topic());
        new FunctionAlarms(this, "BatcherFunction", "cdc-batcher", cdc.batcher(), topic.topic());
        new FunctionAlarms(this, "MinterFunction", "near-minter", cdc.minter(), topic.topic());
        new ScheduleHeartbeatAlarm(this, "BatcherHeartbeat", "cdc-batcher", cdc.batcher(), topic.topic());
        new ScheduleHeartbeatAlarm(this, "MinterHeartbeat", "near-minter", cdc.minter(), topic.topic());
        if (config.cache().kind() == CacheKind.NODE) {
            new RedisMemoryAlarm(this, "Redis", config.namePrefix(), topic.topic());
        }
        new MinterAgeAlarms(this, "MinterAge", cdc.minter(), config.stage(), config.mintBacklogAlarmSeconds(),
                topic.topic());
        FunctionAlarms.Alarms.atLeastOne(this, "Api5xx", "The HTTP API answered 5xx",
                api.httpApi().metricServerError(MetricOptions.builder().period(Duration.minutes(5))
                        .statistic("Sum").build()), topic.topic());

        CfnOutput.Builder.create(this, "AlarmTopicArn").value(topic.topic().getTopicArn()).build();
    }

    public AlarmTopic alarmTopic() {
        return topic;
    }
}
