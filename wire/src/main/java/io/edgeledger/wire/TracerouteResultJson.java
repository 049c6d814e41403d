package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The traceroute result of DESIGN.md 2.1 inside a {@link TraceroutePayload}. The probe sends it as its writer made it
 * ({@link #written}, trusted, not parsed again); the API reads it ({@link #read}) from the value its mapper parsed,
 * checks the fields the backend uses and keeps the text to store and serve. Two are equal when their text is.
 */
public final class TracerouteResultJson {
    public static final int MAX_RUNS = 100;
    public static final int MAX_HOPS = 255;

    private final RawJson json;
    /** What {@link #read} found; null in a result the probe wrote. */
    private final Found found;

    private record Found(String hostname, String protocol) {}

    private TracerouteResultJson(RawJson json, Found found) {
        this.json = json;
        this.found = found;
    }

    /** A result the probe's own writer made: sent as is. */
    public static TracerouteResultJson written(String json) {
        return new TracerouteResultJson(new RawJson(json), null);
    }

    /**
     * A result as a reader found it: {@code json} its text, {@code document} the same value in Jackson's untyped form
     * (maps, lists, strings, numbers, booleans, null). A bad field throws {@link InvalidFieldException} naming it
     * inside the result ({@code traceroute.runs[0].hops[2].ttl}).
     */
    public static TracerouteResultJson read(RawJson json, Object document) {
        Map<?, ?> result = document instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> destination = object(result, "destination");
        if (!(destination.get("hostname") instanceof String hostname) || hostname.isEmpty()) {
            throw new InvalidFieldException("destination.hostname", "is required: a non-empty string");
        }
        List<?> runs = array(object(result, "traceroute"), "runs", "traceroute.runs", MAX_RUNS);
        for (int i = 0; i < runs.size(); i++) {
            String path = "traceroute.runs[" + i + "]";
            if (!(runs.get(i) instanceof Map<?, ?> run)) {
                throw new InvalidFieldException(path, "must be an object");
            }
            List<?> hops = array(run, "hops", path + ".hops", MAX_HOPS);
            for (int h = 0; h < hops.size(); h++) {
                String hopPath = path + ".hops[" + h + "]";
                if (!(hops.get(h) instanceof Map<?, ?> hop)) {
                    throw new InvalidFieldException(hopPath, "must be an object");
                }
                // Jackson reads a JSON integer that fits an int as Integer (Long, BigInteger beyond)
                if (!(hop.get("ttl") instanceof Integer)) {
                    throw new InvalidFieldException(hopPath + ".ttl", "must be an integer");
                }
                Object ip = hop.get("ip_address");
                if (ip != null && !(ip instanceof String)) {
                    throw new InvalidFieldException(hopPath + ".ip_address", "must be a string or null");
                }
            }
        }
        return new TracerouteResultJson(json, new Found(hostname,
                result.get("protocol") instanceof String protocol ? protocol : null));
    }

    private static Map<?, ?> object(Map<?, ?> parent, String field) {
        if (!(parent.get(field) instanceof Map<?, ?> value)) {
            throw new InvalidFieldException(field, "must be an object");
        }
        return value;
    }

    private static List<?> array(Map<?, ?> parent, String field, String path, int max) {
        if (!(parent.get(field) instanceof List<?> value)) {
            throw new InvalidFieldException(path, "must be an array");
        }
        if (value.size() > max) {
            throw new InvalidFieldException(path, "has " + value.size() + " entries; at most " + max);
        }
        return value;
    }

    /** The result's JSON, as written or as read back (then compact). */
    @JsonValue
    public RawJson json() {
        return json;
    }

    /** The traced host name ({@code destination.hostname}); known once read. */
    public String hostname() {
        return read().hostname();
    }

    /** The protocol the result names, or null; known once read. */
    public String protocol() {
        return read().protocol();
    }

    private Found read() {
        if (found == null) {
            throw new IllegalStateException("a result the probe wrote is sent as is, not read back");
        }
        return found;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TracerouteResultJson other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.text();
    }
}
