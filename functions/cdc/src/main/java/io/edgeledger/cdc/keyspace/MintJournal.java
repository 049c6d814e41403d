package io.edgeledger.cdc.keyspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.near.notary.MintResult;
import java.io.IOException;
import java.util.List;

/**
 * The minter's crash journal, per batch: {@code edgeledger:mint-sent:<batch_id>}, the hashes of the mint
 * transactions signed for it, appended before each is sent (after a crash during the mint call the next run
 * learns which one minted the token: NEAR has no token → tx lookup); and {@code edgeledger:mint-results}, the
 * mint result noted between the chain call and the manifest update (batch id → result JSON).
 */
public final class MintJournal {
    public static final String RESULTS_KEY = "edgeledger:mint-results";
    public static final String SENT_KEY_PREFIX = "edgeledger:mint-sent:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisConnection redis;

    public MintJournal(RedisConnection redis) {
        this.redis = redis;
    }

    public static String sentKey(String batchId) {
        return SENT_KEY_PREFIX + batchId;
    }

    /** Transactions an earlier run signed (and may have sent) for this batch, oldest first. */
    public List<String> sentTransactions(String batchId) {
        return redis.run(j -> j.lrange(sentKey(batchId), 0, -1));
    }

    /** Journals a signed transaction before it is sent. */
    public void recordSent(String batchId, String txHash) {
        redis.run(j -> j.rpush(sentKey(batchId), txHash));
    }

    public void noteResult(String batchId, MintResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", result.status().name());
        node.put("tx_hash", result.txHash());
        node.put("block_hash", result.blockHash());
        if (result.blockHeight() != null) {
            node.put("block_height", result.blockHeight());
        }
        redis.run(j -> j.hset(RESULTS_KEY, batchId, node.toString()));
    }

    /** The noted result, or null when there is none or it cannot be read (the token check makes minting again safe). */
    public MintResult notedResult(String batchId) {
        String noted = redis.run(j -> j.hget(RESULTS_KEY, batchId));
        if (noted == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(noted);
            return new MintResult(MintResult.Status.valueOf(node.path("status").asText()), batchId,
                    node.path("tx_hash").asText(null), node.path("block_hash").asText(null),
                    node.hasNonNull("block_height") ? node.get("block_height").asLong() : null, null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The batch is minted and its manifest says so: its journal is no longer needed. */
    public void clear(String batchId) {
        redis.transaction(t -> {
            t.hdel(RESULTS_KEY, batchId);
            t.del(sentKey(batchId));
        });
    }
}
