package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/**
 * A Datadog-style event from a probe (DogStatsD {@code _e{..}} or a check's {@code Sender.event}), named as in
 * Datadog's events API: {@code priority} {@code normal|low}, {@code alert_type} {@code info|warning|error|success}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentEvent(
        @JsonProperty("title") String title,
        @JsonProperty("text") String text,
        @JsonProperty(value = "timestamp", required = true) long timestamp,
        @JsonProperty("host") String host,
        @JsonProperty("priority") String priority,
        @JsonProperty("alert_type") String alertType,
        @JsonProperty("aggregation_key") String aggregationKey,
        @JsonProperty("source_type_name") String sourceTypeName,
        @JsonProperty("tags") List<String> tags) {
    public static final Set<String> PRIORITIES = Set.of("normal", "low");
    public static final Set<String> ALERT_TYPES = Set.of("info", "warning", "error", "success");

    public AgentEvent {
        Fields.required("title", title);
        text = text == null ? "" : text;
        UnixTime.require("timestamp", timestamp);
        Fields.oneOf("priority", priority == null ? "normal" : priority, PRIORITIES);
        priority = priority == null ? "normal" : priority;
        Fields.oneOf("alert_type", alertType == null ? "info" : alertType, ALERT_TYPES);
        alertType = alertType == null ? "info" : alertType;
        tags = Fields.tags("tags", tags);
    }
}
