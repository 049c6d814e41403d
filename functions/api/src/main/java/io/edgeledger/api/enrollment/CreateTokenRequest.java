package io.edgeledger.api.enrollment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/enrollment-tokens}: ttl in seconds (default 1 h), tags given to the probe, a name prefix. */
public record CreateTokenRequest(
        @JsonProperty("ttl") Long ttl,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("name_prefix") String namePrefix) {}
