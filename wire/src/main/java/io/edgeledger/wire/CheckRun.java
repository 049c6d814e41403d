package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one check run, like Datadog's service check {@code <check>.can_run}: {@code status} is one of
 * {@code ok}, {@code warning}, {@code error}, {@code timeout} (cancelled past its timeout) or {@code skipped}
 * (previous run still going). Service checks (DogStatsD {@code _sc}, {@code Sender.serviceCheck}) travel as check
 * runs too, named as sent, with Datadog's statuses {@code ok}, {@code warning}, {@code critical}, {@code unknown}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckRun(
        @JsonProperty("check") String check,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("status") String status,
        @JsonProperty(value = "timestamp", required = true) long timestamp,
        @JsonProperty("duration_ms") long durationMs,
        @JsonProperty("message") String message,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("tags") List<String> tags) {
    public static final Set<String> STATUSES = Set.of("ok", "warning", "error", "timeout", "skipped", "critical", "unknown");

    public CheckRun {
        Fields.required("check", check);
        Fields.oneOf("status", status, STATUSES);
        UnixTime.require("timestamp", timestamp);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        tags = Fields.tags("tags", tags);
    }
}
