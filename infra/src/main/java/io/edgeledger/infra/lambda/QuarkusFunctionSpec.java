package io.edgeledger.infra.lambda;

import io.edgeledger.infra.config.FunctionRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between the EdgeLedger Lambdas; everything else (handler, VPC placement, logs) is the same for all of
 * them and lives in {@link QuarkusFunction}.
 *
 * @param runtime      how its zip was built (the API and the CDC functions differ with jvm-aot)
 * @param architecture "arm64" or "x86_64"
 * @param snapStart    asked for; applied on the managed java21 runtime only
 */
public record QuarkusFunctionSpec(
        String functionName,
        String description,
        Path zip,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        Optional<Integer> reservedConcurrency,
        FunctionRuntime runtime,
        String architecture,
        boolean snapStart) {

    /** SnapStart on this function: asked for, and on java21. */
    public boolean snapStartOn() {
        return snapStart && runtime.managedJava();
    }
}
