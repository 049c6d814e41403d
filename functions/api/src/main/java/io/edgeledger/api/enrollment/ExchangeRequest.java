package io.edgeledger.api.enrollment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/enroll}, sent by {@code edge-probe enroll}. {@code toString} leaves the token out of any log. */
public record ExchangeRequest(
        @JsonProperty("token") String token,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("version") String version,
        @JsonProperty("name") String name,
        @JsonProperty("tags") List<String> tags) {
    @Override
    public String toString() {
        return "ExchangeRequest[hostname=" + hostname + ", version=" + version + ", name=" + name + "]";
    }
}
