package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.streams.EntryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a batcher was sealing, written to Redis before the first S3 put and removed once the batch is
 * queued. A rerun that finds one finishes exactly that batch (same entries, same id) or, if its objects
 * never became complete, discards it, so a crash can never split entries across two different batches.
 */
public record SealIntent(String batchId, String stream, String s3Prefix, List<EntryId> entryIds, List<Poison> poison, boolean acked) {
    public static final String INDEX_KEY = "edgeledger:cdc:sealing";

    public static String key(String batchId) {
        return INDEX_KEY + ":" + batchId;
    }

    /** HSET arguments (after the key) for the intent's fields. */
    Object[] hsetCommand() {
        StringBuilder ids = new StringBuilder(entryIds.size() * 16);
        for (EntryId id : entryIds) {
            if (!ids.isEmpty()) {
                ids.append(',');
            }
            ids.append(id);
        }
        StringBuilder poisonLines = new StringBuilder();
        for (Poison p : poison) {
            poisonLines.append(p.id()).append('\t').append(p.code()).append('\t')
                    .append(p.message().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        return new Object[] {"HSET", key(batchId), "stream", stream, "s3_prefix", s3Prefix,
                "entry_ids", ids.toString(), "poison", poisonLines.toString(), "state", "prepared"};
    }

    static SealIntent fromHash(String batchId, Map<String, String> hash) {
        List<EntryId> ids = new ArrayList<>();
        for (String id : hash.getOrDefault("entry_ids", "").split(",")) {
            if (!id.isEmpty()) {
                ids.add(EntryId.parse(id));
            }
        }
        List<Poison> poison = new ArrayList<>();
        for (String line : hash.getOrDefault("poison", "").split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                poison.add(new Poison(EntryId.parse(parts[0]), parts[1], parts[2]));
            }
        }
        return new SealIntent(batchId, hash.get("stream"), hash.get("s3_prefix"), ids, poison, "acked".equals(hash.get("state")));
    }
}
