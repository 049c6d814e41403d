package io.edgeledger.probe.traceroute.engine;

/**
 * How every run of one trace probes. Every protocol and TCP method runs in parallel unless the user
 * asked for {@code --serial} ({@code parallel} false): one TTL at a time, each waited for up to the
 * timeout, as upstream traces TCP SYN.
 */
public record TraceSettings(int maxTtl, long timeoutNanos, long sendDelayNanos, AdaptiveWait adaptiveWait,
                            boolean parallel) {}
