package io.edgeledger.infra.monitoring;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * A function that should run every minute has not run for 10 minutes (rule disabled or deleted, function
 * gone). Errors and throttles cannot show this: a function that never runs reports nothing, so missing
 * data counts as breaching.
 */
public final class ScheduleHeartbeatAlarm extends Construct {
    private final Alarm alarm;

    public ScheduleHeartbeatAlarm(Construct scope, String id, String label, IFunction function, ITopic topic) {
        super(scope, id);
        alarm = Alarm.Builder.create(this, "Stalled")
                .alarmDescription(label + " has not run for 10 minutes: check its EventBridge rule")
                .metric(function.metricInvocations(MetricOptions.builder().period(Duration.minutes(10))
                        .statistic("Sum").build()))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
    }

    public Alarm alarm() {
        return alarm;
    }
}
