package io.edgeledger.infra.monitoring;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The Redis node is filling up. The Debezium streams are the usual cause (the batcher stopped acking, or
 * trimming is off): at 100 % Redis refuses writes and Debezium Server stalls. Node caches only; Serverless
 * grows by itself. The primary of replication group G is the cluster {@code G-001}.
 */
public final class RedisMemoryAlarm extends Construct {
    public static final double THRESHOLD_PERCENT = 80;

    private final Alarm alarm;

    public RedisMemoryAlarm(Construct scope, String id, String replicationGroupId, ITopic topic) {
        super(scope, id);
        alarm = Alarm.Builder.create(this, "MemoryHigh")
                .alarmDescription("Redis " + replicationGroupId + " uses over " + (int) THRESHOLD_PERCENT
                        + " % of its memory: check the batcher and the stream lengths")
                .metric(Metric.Builder.create().namespace("AWS/ElastiCache").metricName("DatabaseMemoryUsagePercentage")
                        .dimensionsMap(Map.of("CacheClusterId", replicationGroupId + "-001"))
                        .statistic("Maximum").period(Duration.minutes(5)).build())
                .threshold(THRESHOLD_PERCENT)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(2)
                .treatMissingData(TreatMissingData.MISSING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
    }

    public Alarm alarm() {
        return alarm;
    }
}
