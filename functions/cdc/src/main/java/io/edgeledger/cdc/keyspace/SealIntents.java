package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.EntryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Transaction;

/**
 * {@code edgeledger:cdc:sealing}: the set of batch ids being sealed, and per batch a hash
 * {@code edgeledger:cdc:sealing:<batch_id>} with its stream, S3 prefix, entry ids, poison entries, the consumer group
 * and consumer the entries are pending with, and state ({@code prepared}, then {@code acked}). Written in the same
 * transactions as the acks and the mint queue.
 */
public final class SealIntents {
    public static final String INDEX_KEY = "edgeledger:cdc:sealing";

    private SealIntents() {}

    public static String key(String batchId) {
        return INDEX_KEY + ":" + batchId;
    }

    /** Before the first S3 put: the intent, state {@code prepared}. */
    public static void recordPrepared(Transaction transaction, SealIntent intent) {
        StringBuilder ids = new StringBuilder(intent.entryIds().size() * 16);
        for (EntryId id : intent.entryIds()) {
            if (!ids.isEmpty()) {
                ids.append(',');
            }
            ids.append(id);
        }
        StringBuilder poisonLines = new StringBuilder();
        for (Poison p : intent.poison()) {
            poisonLines.append(p.id()).append('\t').append(p.code()).append('\t')
                    .append(p.message().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        transaction.hset(key(intent.batchId()), Map.of("stream", intent.stream(), "s3_prefix", intent.s3Prefix(),
                "entry_ids", ids.toString(), "poison", poisonLines.toString(), "state", "prepared",
                "group", intent.group() == null ? "" : intent.group(), "consumer", intent.consumer() == null ? "" : intent.consumer()));
        transaction.sadd(INDEX_KEY, intent.batchId());
    }

    /** In the transaction that acks the entries. */
    public static void markAcked(Transaction transaction, String batchId) {
        transaction.hset(key(batchId), "state", "acked");
    }

    /** Done (queued for minting) or discarded. */
    public static void forget(Transaction transaction, String batchId) {
        transaction.del(key(batchId));
        transaction.srem(INDEX_KEY, batchId);
    }

    /** The intents a crashed run left behind; index members without a hash are dropped from the index. */
    public static List<SealIntent> open(RedisConnection redis) {
        List<SealIntent> intents = new ArrayList<>();
        Set<String> ids = redis.run(j -> j.smembers(INDEX_KEY));
        for (String batchId : ids) {
            Map<String, String> hash = redis.run(j -> j.hgetAll(key(batchId)));
            if (hash.isEmpty()) {
                redis.run(j -> j.srem(INDEX_KEY, batchId));
                continue;
            }
            intents.add(fromHash(batchId, hash));
        }
        return intents;
    }

    private static SealIntent fromHash(String batchId, Map<String, String> hash) {
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
        return new SealIntent(batchId, hash.get("stream"), hash.get("s3_prefix"), ids, poison, "acked".equals(hash.get("state")),
                emptyIsNull(hash.get("group")), emptyIsNull(hash.get("consumer")));
    }

    private static String emptyIsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
