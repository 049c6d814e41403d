package io.edgeledger.api.probes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A probe as operators see it: never its secret. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Probe(
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("name") String name,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("revoked_at") String revokedAt) {
    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
