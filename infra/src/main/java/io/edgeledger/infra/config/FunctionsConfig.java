package io.edgeledger.infra.config;

/**
 * Lambda sizing shared by the API and CDC functions. {@code architecture} is "arm64" or "x86_64"; {@code snapStart}
 * applies to all three functions (JVM runtime only: Lambda has no SnapStart for provided.al2023).
 */
public record FunctionsConfig(String architecture, FunctionRuntime runtime, boolean snapStart, int apiMemoryMb,
                              int cdcMemoryMb, int apiThrottleRatePerSecond, int apiThrottleBurst) {
}
