package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /v1/ingest/traceroute}: one traceroute result (the JSON of DESIGN.md 2.1, sent as the probe wrote it)
 * from either a scheduled {@code network_path} check ({@code job_id} absent) or a backend job ({@code job_id} set).
 * A result read off the wire is checked for the fields the backend uses ({@link TracerouteResultJson#read}); one the
 * probe wrote is trusted as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceroutePayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("job_id") String jobId,
        @JsonProperty(value = "timestamp", required = true) long timestamp,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("result") TracerouteResultJson result,
        @JsonProperty("error") String error) implements IngestPayload {
    public TraceroutePayload {
        Fields.batch(batchId, probeId);
        Fields.optional("job_id", jobId);
        UnixTime.require("timestamp", timestamp);
        tags = Fields.tags("tags", tags);
        Fields.optional("error", error);
        if (result == null && error == null) {
            throw new InvalidFieldException("result", "is required unless 'error' says why the traceroute failed");
        }
    }

    /** The traced host name, as a result read off the wire names it (null without a result). */
    @JsonIgnore
    public String target() {
        return result == null ? null : result.hostname();
    }

    /** The protocol, as a result read off the wire names it (null without a result). */
    @JsonIgnore
    public String protocol() {
        return result == null ? null : result.protocol();
    }

    @JsonIgnore
    @Override
    public IngestKind kind() {
        return IngestKind.TRACEROUTE;
    }

    @JsonIgnore
    @Override
    public int items() {
        return 1;
    }
}
