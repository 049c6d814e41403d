package io.edgeledger.cdc.keyspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch waiting to be notarized, as a member of {@code edgeledger:mint-queue}:
 * {@code {"batch_id":…,"s3_bucket":…,"s3_prefix":…}} with the fields always in this order, so queueing
 * the same batch twice is one member.
 */
public record MintRef(String batchId, String bucket, String s3Prefix) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toMember() {
        return "{\"batch_id\":" + quote(batchId) + ",\"s3_bucket\":" + quote(bucket) + ",\"s3_prefix\":" + quote(s3Prefix) + "}";
    }

    public static MintRef fromMember(String member) {
        try {
            var node = JSON.readTree(member);
            return new MintRef(node.path("batch_id").asText(null), node.path("s3_bucket").asText(null), node.path("s3_prefix").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a mint-queue member: " + member);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
