package io.edgeledger.probe.traceroute.engine;

/**
 * How every run of one trace probes: {@code parallel} null leaves the choice to the protocol
 * (its default), true or false is the user's {@code --parallel} / {@code --serial}.
 */
public record TraceSettings(int maxTtl, long timeoutNanos, long sendDelayNanos, AdaptiveWait adaptiveWait, Boolean parallel) {
    public boolean parallelOr(boolean protocolDefault) {
        return parallel != null ? parallel : protocolDefault;
    }
}
