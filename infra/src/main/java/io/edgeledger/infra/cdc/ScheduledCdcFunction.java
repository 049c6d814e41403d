package io.edgeledger.infra.cdc;

import io.edgeledger.infra.config.InfraConfig;
import io.edgeledger.infra.lambda.FunctionEnv;
import io.edgeledger.infra.lambda.QuarkusFunction;
import io.edgeledger.infra.lambda.QuarkusFunctionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * One CDC handler as its own Lambda, run every minute by an EventBridge rule, never twice at once: reserved
 * concurrency 1 and a timeout under the period. A tick that finds the previous run still going is throttled
 * and dropped rather than queued (no retries, 60 s max event age): the next tick does the same work, and the
 * handlers are idempotent, so nothing piles up and nothing is lost.
 */
public final class ScheduledCdcFunction extends Construct {
    /** Leaves a margin under the one-minute period so consecutive runs do not overlap. */
    public static final Duration TIMEOUT = Duration.ofSeconds(55);

    /** The alias the schedule invokes. */
    public static final String ALIAS_NAME = "live";

    private final Function function;
    private final Alias alias;
    private final Rule schedule;

    public ScheduledCdcFunction(Construct scope, String id, CdcHandler handler, Map<String, String> environment,
                                Path zip, InfraConfig config, IVpc vpc, ISecurityGroup securityGroup) {
        super(scope, id);
        Map<String, String> env = new LinkedHashMap<>();
        env.put(FunctionEnv.QUARKUS_LAMBDA_HANDLER, handler.handlerName());
        env.putAll(environment);
        QuarkusFunctionSpec spec = new QuarkusFunctionSpec(
                config.namePrefix() + "-" + handler.handlerName(), "EdgeLedger " + handler.handlerName() + ": "
                + handler.description(), zip, config.functions().cdcMemoryMb(), TIMEOUT, env, Optional.of(1),
                config.functions().runtime().forCdc(), config.functions().architecture(), config.functions().snapStart());
        function = new QuarkusFunction(this, "Handler", spec, config, vpc, securityGroup).function();
        // The rule invokes the "live" alias, a published version: SnapStart only ever serves published versions.
        alias = Alias.Builder.create(this, "LiveAlias").aliasName(ALIAS_NAME).version(function.getCurrentVersion()).build();
        if (spec.snapStartOn()) {
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the schedule invokes the live alias, a published version");
        }
        alias.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(0)
                .maxEventAge(software.amazon.awscdk.Duration.seconds(60))
                .build());
        schedule = Rule.Builder.create(this, "EveryMinute")
                .ruleName(config.namePrefix() + "-" + handler.handlerName() + "-every-minute")
                .description("Runs " + handler.handlerName() + " once a minute")
                .schedule(Schedule.rate(software.amazon.awscdk.Duration.minutes(1)))
                .targets(java.util.List.of(new LambdaFunction(alias, LambdaFunctionProps.builder()
                        .retryAttempts(0)
                        .maxEventAge(software.amazon.awscdk.Duration.seconds(60))
                        .build())))
                .build();
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public Rule schedule() {
        return schedule;
    }
}
