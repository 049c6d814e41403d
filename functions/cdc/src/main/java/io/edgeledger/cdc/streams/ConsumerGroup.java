package io.edgeledger.cdc.streams;

import io.edgeledger.cdc.redis.RedisText;
import io.edgeledger.cdc.redis.Command;
import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.redis.RedisException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumer-group reads and acks for one consumer over a connection: group creation, new entries,
 * this consumer's own pending entries, reclaiming entries idle past the visibility timeout, XACK.
 */
public final class ConsumerGroup {
    private final RedisConnection redis;
    private final String group;
    private final String consumer;

    public ConsumerGroup(RedisConnection redis, String group, String consumer) {
        this.redis = redis;
        this.group = group;
        this.consumer = consumer;
    }

    public RedisConnection connection() {
        return redis;
    }

    public String group() {
        return group;
    }

    public String consumer() {
        return consumer;
    }

    /** XGROUP CREATE ... 0 MKSTREAM for each stream; an existing group is left as it is. */
    public void ensureGroups(Collection<String> streams) {
        if (streams.isEmpty()) {
            return;
        }
        List<redis.clients.jedis.Response<Object>> replies = new ArrayList<>();
        redis.pipeline(pipeline -> {
            for (String stream : streams) {
                replies.add(pipeline.sendCommand(Command.XGROUP, RedisText.of("CREATE"), RedisText.of(stream), RedisText.of(group), RedisText.of("0"),
                        RedisText.of("MKSTREAM")));
            }
        });
        int i = 0;
        for (String stream : streams) {
            try {
                replies.get(i++).get();
            } catch (redis.clients.jedis.exceptions.JedisDataException error) {
                if (!String.valueOf(error.getMessage()).startsWith("BUSYGROUP")) {
                    throw new RedisException("cannot create consumer group " + group + " on " + stream + ": " + error.getMessage());
                }
            }
        }
    }

    /**
     * Entries never delivered ({@code >}), up to {@code count} per stream per command, in id order per stream:
     * {@code depth} XREADGROUP {@code >} commands pipelined in one round trip (up to depth x count entries per
     * stream: under backlog a 10,000-entry batch is read in one or two round trips, not ten). Only when all of
     * them find nothing does one more read block, for at most {@code blockMillis}.
     */
    public Map<String, List<StreamEntry>> readNew(List<String> streams, int count, int depth, long blockMillis) {
        Map<String, String> ids = new LinkedHashMap<>();
        streams.forEach(stream -> ids.put(stream, ">"));
        if (ids.isEmpty()) {
            return new LinkedHashMap<>();
        }
        byte[][] args = readArgs(ids, count, -1);
        List<redis.clients.jedis.Response<Object>> replies = new ArrayList<>(depth);
        redis.pipeline(pipeline -> {
            for (int i = 0; i < depth; i++) {
                replies.add(pipeline.sendCommand(Command.XREADGROUP, args));
            }
        });
        Map<String, List<StreamEntry>> result = new LinkedHashMap<>();
        for (redis.clients.jedis.Response<Object> reply : replies) {
            addReply(result, reply.get());
        }
        if (result.isEmpty() && blockMillis > 0) {
            return read(ids, count, blockMillis);
        }
        return result;
    }

    /**
     * This consumer's pending entries (delivered earlier, not acked) after the given id per stream, up to
     * {@code count} per stream. Entries deleted from the stream meanwhile come back with null fields.
     */
    public Map<String, List<StreamEntry>> readOwnPending(Map<String, String> afterIds, int count) {
        return read(afterIds, count, -1);
    }

    private Map<String, List<StreamEntry>> read(Map<String, String> ids, int count, long blockMillis) {
        Map<String, List<StreamEntry>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        addReply(result, redis.rawBlocking(Math.max(0, blockMillis), Command.XREADGROUP, readArgs(ids, count, blockMillis)));
        return result;
    }

    private byte[][] readArgs(Map<String, String> ids, int count, long blockMillis) {
        List<byte[]> args = new ArrayList<>(List.of(RedisText.of("GROUP"), RedisText.of(group), RedisText.of(consumer), RedisText.of("COUNT"),
                RedisText.of(count)));
        if (blockMillis > 0) {
            args.add(RedisText.of("BLOCK"));
            args.add(RedisText.of(blockMillis));
        }
        args.add(RedisText.of("STREAMS"));
        ids.keySet().forEach(stream -> args.add(RedisText.of(stream)));
        ids.values().forEach(id -> args.add(RedisText.of(id)));
        return args.toArray(byte[][]::new);
    }

    /** Appends one XREADGROUP reply (null when nothing came) to the entries per stream, keeping id order. */
    @SuppressWarnings("unchecked")
    private static void addReply(Map<String, List<StreamEntry>> result, Object reply) {
        if (reply == null) {
            return;
        }
        for (Object item : (List<Object>) reply) {
            List<Object> streamReply = (List<Object>) item;
            String stream = RedisText.text(streamReply.get(0));
            List<StreamEntry> entries = StreamReplies.entries(stream, streamReply.get(1));
            if (!entries.isEmpty()) {
                result.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(entries);
            }
        }
    }

    /**
     * XAUTOCLAIM ... JUSTID: moves entries that any consumer (a dead one, or an earlier run of ours) left
     * pending longer than {@code minIdleMillis} to this consumer, so {@link #readOwnPending} then reads them.
     * Returns how many were claimed. Entries already deleted from the stream are dropped from the pending
     * list by Redis; their ids are returned in {@code deletedOut} so the caller can report them.
     */
    @SuppressWarnings("unchecked")
    public long reclaim(String stream, long minIdleMillis, List<EntryId> deletedOut) {
        long claimed = 0;
        String cursor = "0-0";
        do {
            List<Object> parts = (List<Object>) redis.raw(Command.XAUTOCLAIM, RedisText.of(stream), RedisText.of(group), RedisText.of(consumer),
                    RedisText.of(minIdleMillis), RedisText.of(cursor), RedisText.of("COUNT"), RedisText.of(1000), RedisText.of("JUSTID"));
            cursor = RedisText.text(parts.get(0));
            claimed += ((List<Object>) parts.get(1)).size();
            if (parts.size() > 2 && parts.get(2) != null) {
                for (Object deletedId : (List<Object>) parts.get(2)) {
                    deletedOut.add(EntryId.parse(RedisText.text(deletedId)));
                }
            }
        } while (!"0-0".equals(cursor));
        return claimed;
    }

    /**
     * Whether entry {@code id} is pending with {@code owner} and has been idle at least {@code minIdleMillis}
     * (XPENDING ... IDLE): the owner has not touched it for that long. An entry acked or claimed by someone
     * else meanwhile is not idle with the owner, and an acked one (the owner finished) is not pending at all.
     */
    @SuppressWarnings("unchecked")
    public boolean idleWith(String stream, EntryId id, String owner, long minIdleMillis) {
        List<Object> rows = (List<Object>) redis.raw(Command.XPENDING, RedisText.of(stream), RedisText.of(group), RedisText.of("IDLE"),
                RedisText.of(minIdleMillis), RedisText.of(id.toString()), RedisText.of(id.toString()), RedisText.of(1), RedisText.of(owner));
        return !rows.isEmpty() || !pendingAnywhere(stream, id);
    }

    /** Whether {@code id} is in the group's pending list at all (acked entries are not). */
    @SuppressWarnings("unchecked")
    private boolean pendingAnywhere(String stream, EntryId id) {
        List<Object> rows = (List<Object>) redis.raw(Command.XPENDING, RedisText.of(stream), RedisText.of(group), RedisText.of(id.toString()),
                RedisText.of(id.toString()), RedisText.of(1));
        return !rows.isEmpty();
    }

    /** XACK of these ids, as part of a transaction (with the dead letters and the seal intent's state). */
    public void ack(redis.clients.jedis.Transaction transaction, String stream, Collection<EntryId> ids) {
        byte[][] args = new byte[2 + ids.size()][];
        args[0] = RedisText.of(stream);
        args[1] = RedisText.of(group);
        int i = 2;
        for (EntryId id : ids) {
            args[i++] = RedisText.of(id.toString());
        }
        transaction.sendCommand(Command.XACK, args);
    }

    /** Entries of {@code stream} with ids in [first, last], in order (used to rebuild a batch after a crash). */
    public List<StreamEntry> range(String stream, EntryId first, EntryId last) {
        return StreamReplies.entries(stream, redis.raw(Command.XRANGE, RedisText.of(stream), RedisText.of(first.toString()), RedisText.of(last.toString())));
    }
}
