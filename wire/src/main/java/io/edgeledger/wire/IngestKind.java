package io.edgeledger.wire;

import java.util.Arrays;

/** The ingest endpoints of DESIGN.md 2.5: {@code POST /v1/ingest/{name}}. */
public enum IngestKind {
    TRACEROUTE("traceroute", TraceroutePayload.class),
    METRICS("metrics", MetricsPayload.class),
    EVENTS("events", EventsPayload.class),
    CHECK_RUNS("check-runs", CheckRunsPayload.class),
    AGENT_EVENTS("agent-events", AgentEventsPayload.class);

    private final String wireName;
    private final Class<? extends IngestPayload> payloadType;

    IngestKind(String wireName, Class<? extends IngestPayload> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    /** The record a body of this kind binds to. */
    public Class<? extends IngestPayload> payloadType() {
        return payloadType;
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
                        "unknown ingest kind '" + name + "' (expected traceroute, metrics, events, check-runs or agent-events)"));
    }
}
