package io.edgeledger.infra.monitoring;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Is notarization keeping up? Besides the heartbeat every scheduled function has ({@link ScheduleHeartbeatAlarm}),
 * two views of the minter's age:
 * <ul>
 *   <li>event age: scheduled events waited over 2 minutes before running (runs overlap or are throttled);</li>
 *   <li>backlog age: the oldest batch waiting to be minted, published by the minter as the custom metric
 *       {@value #NAMESPACE}/{@value #BACKLOG_METRIC} (dimension Stage), over the configured seconds.</li>
 * </ul>
 */
public final class MinterAgeAlarms extends Construct {
    public static final String NAMESPACE = "EdgeLedger";
    public static final String BACKLOG_METRIC = "MintBacklogOldestAgeSeconds";

    private final Alarm eventAge;
    private final Alarm backlogAge;

    public MinterAgeAlarms(Construct scope, String id, IFunction minter, String stage, int backlogSeconds,
                           ITopic topic) {
        super(scope, id);
        SnsAction notify = new SnsAction(topic);
        eventAge = Alarm.Builder.create(this, "EventAge")
                .alarmDescription("near-minter's scheduled events wait over 2 minutes to run")
                .metric(minter.metric("AsyncEventAge", MetricOptions.builder().period(Duration.minutes(5))
                        .statistic("Maximum").build()))
                .threshold(120_000) // AsyncEventAge is in milliseconds
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        backlogAge = Alarm.Builder.create(this, "BacklogAge")
                .alarmDescription("A sealed batch has waited over " + backlogSeconds + " s to be minted on NEAR")
                .metric(Metric.Builder.create().namespace(NAMESPACE).metricName(BACKLOG_METRIC)
                        .dimensionsMap(Map.of("Stage", stage)).statistic("Maximum").period(Duration.minutes(5))
                        .build())
                .threshold(backlogSeconds)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        for (Alarm alarm : java.util.List.of(eventAge, backlogAge)) {
            alarm.addAlarmAction(notify);
        }
    }

    public Alarm eventAge() {
        return eventAge;
    }

    public Alarm backlogAge() {
        return backlogAge;
    }
}
