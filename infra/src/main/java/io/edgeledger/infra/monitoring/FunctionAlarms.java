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

/** Errors and throttles of one Lambda, summed over 5 minutes: any at all is worth a look. */
public final class FunctionAlarms extends Construct {
    private final Alarm errors;
    private final Alarm throttles;

    public FunctionAlarms(Construct scope, String id, String label, IFunction function, ITopic topic) {
        super(scope, id);
        MetricOptions fiveMinuteSum = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
        errors = Alarms.atLeastOne(this, "Errors", label + " errors: see its log group",
                function.metricErrors(fiveMinuteSum), topic);
        throttles = Alarms.atLeastOne(this, "Throttles", label + " throttled: a run overlapped or account "
                + "concurrency is exhausted", function.metricThrottles(fiveMinuteSum), topic);
    }

    public Alarm errors() {
        return errors;
    }

    public Alarm throttles() {
        return throttles;
    }

    /** Small helpers shared by the alarm constructs. */
    static final class Alarms {
        private Alarms() {
        }

        static Alarm atLeastOne(Construct scope, String id, String description,
                                software.amazon.awscdk.services.cloudwatch.IMetric metric, ITopic topic) {
            Alarm alarm = Alarm.Builder.create(scope, id)
                    .alarmDescription(description)
                    .metric(metric)
                    .threshold(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .evaluationPeriods(1)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            alarm.addAlarmAction(new SnsAction(topic));
            return alarm;
        }
    }
}
