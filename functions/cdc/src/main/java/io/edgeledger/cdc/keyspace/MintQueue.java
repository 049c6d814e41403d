package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.redis.RedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ZAddParams;

/**
 * {@code edgeledger:mint-queue}: a sorted set of {@link MintRef} members scored by the earliest time
 * (epoch ms) the minter may try them. A member leaves the set only once its manifest records the mint,
 * so a minter that dies mid-way leaves it for the next run. Claiming pushes the score out by a lease,
 * so two minters never work on one batch at once; a failure pushes it out by the back-off.
 */
public final class MintQueue {
    public static final String KEY = "edgeledger:mint-queue";
    public static final String ATTEMPTS_KEY = "edgeledger:mint-attempts";

    // Takes up to ARGV[2] members due at ARGV[1] and leases them until ARGV[3], atomically.
    private static final String CLAIM_SCRIPT = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, member in ipairs(due) do
              redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member)
            end
            return due
            """;

    private final RedisConnection redis;

    public MintQueue(RedisConnection redis) {
        this.redis = redis;
    }

    /** ZADD NX, in the batcher's transaction: queueing a batch that is already queued (or leased) changes nothing. */
    public static void enqueue(Transaction transaction, MintRef ref, long nowMillis) {
        transaction.zadd(KEY, nowMillis, ref.toMember(), ZAddParams.zAddParams().nx());
    }

    @SuppressWarnings("unchecked")
    public List<MintRef> claimDue(long nowMillis, int max, long leaseMillis) {
        List<Object> due = (List<Object>) redis.run(j -> j.eval(CLAIM_SCRIPT, List.of(KEY),
                List.of(Long.toString(nowMillis), Integer.toString(max), Long.toString(nowMillis + leaseMillis))));
        List<MintRef> refs = new ArrayList<>(due.size());
        for (Object member : due) {
            refs.add(MintRef.fromMember(io.edgeledger.cdc.redis.RedisText.text(member)));
        }
        return refs;
    }

    /** Done: the manifest records the mint. */
    public void complete(MintRef ref) {
        redis.transaction(t -> {
            t.zrem(KEY, ref.toMember());
            t.hdel(ATTEMPTS_KEY, ref.batchId());
        });
    }

    /**
     * Failed: counts the attempt and schedules the next one after {@code delayForAttempt} (the back-off).
     * Returns the attempt number.
     */
    public long retryLater(MintRef ref, long nowMillis, LongUnaryOperator delayForAttempt) {
        long attempt = redis.run(j -> j.hincrBy(ATTEMPTS_KEY, ref.batchId(), 1));
        redis.run(j -> j.zadd(KEY, nowMillis + delayForAttempt.applyAsLong(attempt), ref.toMember(), ZAddParams.zAddParams().xx()));
        return attempt;
    }

    public long size() {
        return redis.run(j -> j.zcard(KEY));
    }
}
