package io.edgeledger.infra.config;

/** Lambda sizing shared by the API and CDC functions. {@code architecture} is "arm64" or "x86_64". */
public record FunctionsConfig(String architecture, boolean apiSnapStart, int apiMemoryMb, int cdcMemoryMb,
                              int apiThrottleRatePerSecond, int apiThrottleBurst) {
}
