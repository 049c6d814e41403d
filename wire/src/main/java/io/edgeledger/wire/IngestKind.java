package io.edgeledger.wire;

import java.util.Arrays;

/** The ingest endpoints of DESIGN.md 2.5: {@code POST /v1/ingest/{name}}. */
public enum IngestKind {
    TRACEROUTE("traceroute"),
    METRICS("metrics"),
    EVENTS("events"),
    CHECK_RUNS("check-runs");

    private final String wireName;

    IngestKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String path() {
        return "/v1/ingest/" + wireName;
    }

    public static IngestKind fromWireName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown ingest kind '" + name + "' (expected traceroute, metrics, events or check-runs)"));
    }
}
