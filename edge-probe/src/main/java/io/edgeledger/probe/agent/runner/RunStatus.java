package io.edgeledger.probe.agent.runner;

/** How a run ended; the wire names are what {@code check-runs} payloads and {@code status} show. */
public enum RunStatus {
    OK("ok"),
    WARNING("warning"),
    ERROR("error"),
    TIMEOUT("timeout"),
    SKIPPED("skipped");

    private final String wireName;

    RunStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
