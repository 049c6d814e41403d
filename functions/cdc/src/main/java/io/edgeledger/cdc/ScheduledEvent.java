package io.edgeledger.cdc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The EventBridge scheduled event that triggers both functions; only a trigger, its fields are logged. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        String time,
        String region,
        List<String> resources,
        Map<String, Object> detail) {}
