package io.edgeledger.infra.config;

/**
 * Lambda sizing shared by the API and CDC functions. {@code architecture} is "arm64" or "x86_64" (with jvm-aot the API's
 * follows the JDK in its zip); {@code snapStart} applies to every function on java21 (Lambda has no SnapStart for
 * provided.al2023).
 */
public record FunctionsConfig(String architecture, FunctionRuntime runtime, boolean snapStart, int apiMemoryMb,
                              int cdcMemoryMb, int apiThrottleRatePerSecond, int apiThrottleBurst) {
}
