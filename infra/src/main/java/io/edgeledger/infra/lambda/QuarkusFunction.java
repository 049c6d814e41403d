package io.edgeledger.infra.lambda;

import io.edgeledger.infra.config.FunctionRuntime;
import io.edgeledger.infra.config.InfraConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A Quarkus Lambda in the VPC's private subnets, with its own log group so the retention is set without the
 * log-retention custom resource: java21 with QuarkusStreamHandler (optionally SnapStart on published versions), the
 * API's custom runtime on provided.al2023 (its own JDK and AOT cache, {@code -c functionRuntime=jvm-aot}), or the
 * native executable on provided.al2023 ({@code -c functionRuntime=native}).
 */
public final class QuarkusFunction extends Construct {
    private final Function function;
    private final LogGroup logGroup;

    public QuarkusFunction(Construct scope, String id, QuarkusFunctionSpec spec, InfraConfig config, IVpc vpc,
                           ISecurityGroup securityGroup) {
        super(scope, id);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + spec.functionName())
                .retention(retention(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        Map<String, String> env = new LinkedHashMap<>();
        FunctionRuntime runtime = spec.runtime();
        if (runtime == FunctionRuntime.NATIVE) {
            env.put(FunctionEnv.DISABLE_SIGNAL_HANDLERS, "true");
        } else if (runtime == FunctionRuntime.JVM) {
            env.put(FunctionEnv.JAVA_TOOL_OPTIONS, FunctionEnv.FAST_START_JVM_OPTIONS);
        } // jvm-aot: the zip's bootstrap holds the JVM flags (the AOT cache is used only with its training's flags)
        env.putAll(spec.environment());

        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(spec.functionName())
                .description(spec.description())
                .runtime(runtime.managedJava() ? Runtime.JAVA_21 : Runtime.PROVIDED_AL2023)
                .architecture(spec.architecture().equals("arm64") ? Architecture.ARM_64 : Architecture.X86_64)
                // jvm-aot's bootstrap hands _HANDLER to AWS's runtime interface client, as the managed runtime does
                .handler(runtime == FunctionRuntime.NATIVE ? FunctionEnv.NATIVE_HANDLER : FunctionEnv.QUARKUS_HANDLER_CLASS)
                .code(Code.fromAsset(spec.zip().toAbsolutePath().toString()))
                .memorySize(spec.memoryMb())
                .timeout(software.amazon.awscdk.Duration.seconds(spec.timeout().toSeconds()))
                .environment(env)
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(securityGroup))
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON);
        spec.reservedConcurrency().ifPresent(builder::reservedConcurrentExecutions);
        if (spec.snapStartOn()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        function = builder.build();
    }

    public Function function() {
        return function;
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    /** Maps validated days (see ContextConfigReader) to CDK's enum, whose names spell the period out. */
    public static RetentionDays retention(int days) {
        return RetentionDays.valueOf(retentionName(days));
    }

    private static String retentionName(int days) {
        return switch (days) {
            case 1 -> "ONE_DAY";
            case 3 -> "THREE_DAYS";
            case 5 -> "FIVE_DAYS";
            case 7 -> "ONE_WEEK";
            case 14 -> "TWO_WEEKS";
            case 30 -> "ONE_MONTH";
            case 60 -> "TWO_MONTHS";
            case 90 -> "THREE_MONTHS";
            case 120 -> "FOUR_MONTHS";
            case 150 -> "FIVE_MONTHS";
            case 180 -> "SIX_MONTHS";
            case 365 -> "ONE_YEAR";
            case 400 -> "THIRTEEN_MONTHS";
            case 545 -> "EIGHTEEN_MONTHS";
            case 731 -> "TWO_YEARS";
            case 1096 -> "THREE_YEARS";
            case 1827 -> "FIVE_YEARS";
            case 2192 -> "SIX_YEARS";
            case 2557 -> "SEVEN_YEARS";
            case 2922 -> "EIGHT_YEARS";
            case 3288 -> "NINE_YEARS";
            case 3653 -> "TEN_YEARS";
            default -> throw new IllegalArgumentException("no CloudWatch retention of " + days + " days");
        };
    }
}
