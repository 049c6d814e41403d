package io.edgeledger.infra.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between the EdgeLedger Lambdas; everything else (runtime, handler, VPC placement, logs) is the
 * same for all of them and lives in {@link QuarkusFunction}.
 */
public record QuarkusFunctionSpec(
        String functionName,
        String description,
        Path zip,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        Optional<Integer> reservedConcurrency,
        boolean snapStart) {
}
