package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/ingest/traceroute}: one traceroute result (the JSON of DESIGN.md 2.1, sent as the probe wrote it)
 * from either a scheduled {@code network_path} check ({@code job_id} absent) or a backend job ({@code job_id} set).
 * A result read off the wire is checked for the fields the backend uses; one the probe wrote is trusted as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceroutePayload(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("probe_id") String probeId,
        @JsonProperty("job_id") String jobId,
        @JsonProperty(value = "timestamp", required = true) long timestamp,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("result") VerbatimJson result,
        @JsonProperty("error") String error) implements IngestPayload {
    public static final int MAX_RUNS = 100;
    public static final int MAX_HOPS = 255;

    public TraceroutePayload {
        Fields.batchId(batchId);
        Fields.optional("probe_id", probeId);
        Fields.optional("job_id", jobId);
        UnixTime.require("timestamp", timestamp);
        tags = Fields.tags("tags", tags);
        Fields.optional("error", error);
        if (result == null && error == null) {
            throw new InvalidFieldException("result", "is required unless 'error' says why the traceroute failed");
        }
        if (result != null && result.isTree()) {
            try {
                checkResult(result.tree());
            } catch (InvalidFieldException e) {
                throw e.within("result");
            }
        }
    }

    /** The traced host name, as the result names it (null without a result). */
    @JsonIgnore
    public String target() {
        return result == null ? null : result.tree().path("destination").path("hostname").asText(null);
    }

    /** The protocol, as the result names it (null without a result). */
    @JsonIgnore
    public String protocol() {
        return result == null ? null : result.tree().path("protocol").asText(null);
    }

    private static void checkResult(JsonNode result) {
        JsonNode destination = object(result, "destination");
        JsonNode hostname = destination.get("hostname");
        if (hostname == null || !hostname.isTextual() || hostname.asText().isEmpty()) {
            throw new InvalidFieldException("destination.hostname", "is required: a non-empty string");
        }
        JsonNode runs = array(object(result, "traceroute"), "runs", "traceroute.runs", MAX_RUNS);
        for (int i = 0; i < runs.size(); i++) {
            String path = "traceroute.runs[" + i + "]";
            JsonNode run = runs.get(i);
            if (!run.isObject()) {
                throw new InvalidFieldException(path, "must be an object");
            }
            JsonNode hops = array(run, "hops", path + ".hops", MAX_HOPS);
            for (int h = 0; h < hops.size(); h++) {
                String hopPath = path + ".hops[" + h + "]";
                JsonNode hop = hops.get(h);
                if (!hop.isObject()) {
                    throw new InvalidFieldException(hopPath, "must be an object");
                }
                JsonNode ttl = hop.get("ttl");
                if (ttl == null || !ttl.isIntegralNumber() || !ttl.canConvertToInt()) {
                    throw new InvalidFieldException(hopPath + ".ttl", "must be an integer");
                }
                JsonNode ip = hop.get("ip_address");
                if (ip != null && !ip.isNull() && !ip.isTextual()) {
                    throw new InvalidFieldException(hopPath + ".ip_address", "must be a string or null");
                }
            }
        }
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidFieldException(field, "must be an object");
        }
        return value;
    }

    private static JsonNode array(JsonNode parent, String field, String path, int max) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw new InvalidFieldException(path, "must be an array");
        }
        if (value.size() > max) {
            throw new InvalidFieldException(path, "has " + value.size() + " entries; at most " + max);
        }
        return value;
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
