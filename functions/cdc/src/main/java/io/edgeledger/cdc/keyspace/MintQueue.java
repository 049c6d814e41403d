package io.edgeledger.cdc.minter;

import io.edgeledger.cdc.streams.RedisConnection;
import io.edgeledger.cdc.streams.StreamReplyText;
import java.util.ArrayList;
import java.util.List;

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

    /** ZADD NX: queueing a batch that is already queued (or leased) changes nothing. */
    public static Object[] enqueueCommand(MintRef ref, long nowMillis) {
        return new Object[] {"ZADD", KEY, "NX", nowMillis, ref.toMember()};
    }

    @SuppressWarnings("unchecked")
    public List<MintRef> claimDue(long nowMillis, int max, long leaseMillis) {
        List<Object> due = (List<Object>) redis.call("EVAL", CLAIM_SCRIPT, 1, KEY, nowMillis, max, nowMillis + leaseMillis);
        List<MintRef> refs = new ArrayList<>(due.size());
        for (Object member : due) {
            refs.add(MintRef.fromMember(StreamReplyText.of(member)));
        }
        return refs;
    }

    /** Done: the manifest records the mint. */
    public void complete(MintRef ref) {
        redis.transaction(List.of(new Object[] {"ZREM", KEY, ref.toMember()}, new Object[] {"HDEL", ATTEMPTS_KEY, ref.batchId()}));
    }

    /** Failed: counts the attempt and schedules the next one after the back-off. Returns the attempt number. */
    public long retryLater(MintRef ref, long nowMillis, Backoff backoff) {
        long attempt = (Long) redis.call("HINCRBY", ATTEMPTS_KEY, ref.batchId(), 1);
        redis.call("ZADD", KEY, "XX", nowMillis + backoff.delayMillis(attempt), ref.toMember());
        return attempt;
    }

    public long size() {
        return (Long) redis.call("ZCARD", KEY);
    }
}
