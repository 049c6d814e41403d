package io.edgeledger.api.enrollment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one answer that carries an enrollment token: shown at creation, never again. */
public record CreatedToken(
        @JsonProperty("token") String token,
        @JsonProperty("enrollment_token") EnrollmentToken enrollmentToken) {
    @Override
    public String toString() {
        return "CreatedToken[" + enrollmentToken.tokenId() + "]";
    }
}
