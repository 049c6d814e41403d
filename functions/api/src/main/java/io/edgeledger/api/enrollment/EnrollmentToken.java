package io.edgeledger.api.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An enrollment token as operators see it: never the token itself, which is shown once at creation. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EnrollmentToken(
        @JsonProperty("token_id") String tokenId,
        @JsonProperty("name_prefix") String namePrefix,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("used_at") String usedAt,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("revoked_at") String revokedAt) {
    public static final String ACTIVE = "active";
    public static final String USED = "used";
    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";
}
