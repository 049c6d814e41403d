package io.edgeledger.api.probes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A probe as operators see it, never its secret: what enrollment recorded, plus what the probe last reported about
 * itself ({@link ProbeReports}): when it was last heard from, its version, the newest run of each check and its
 * forwarder's backlog (null until it reports them).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Probe(
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("name") String name,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("revoked_at") String revokedAt,
        @JsonProperty("last_seen") String lastSeen,
        @JsonProperty("version") String version,
        @JsonProperty("checks") List<JsonNode> checks,
        @JsonProperty("forwarder") Map<String, Object> forwarder) {
    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
