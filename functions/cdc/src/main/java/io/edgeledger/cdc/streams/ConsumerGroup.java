package io.edgeledger.cdc.streams;

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
        List<Object[]> commands = new ArrayList<>();
        for (String stream : streams) {
            commands.add(new Object[] {"XGROUP", "CREATE", stream, group, "0", "MKSTREAM"});
        }
        List<Object> replies = redis.pipeline(commands);
        int i = 0;
        for (String stream : streams) {
            if (replies.get(i++) instanceof RedisErrorReply error && !error.is("BUSYGROUP")) {
                throw new RedisException("cannot create consumer group " + group + " on " + stream + ": " + error.message());
            }
        }
    }

    /**
     * XREADGROUP of entries never delivered ({@code >}), up to {@code count} per stream, blocking at most
     * {@code blockMillis} when nothing is there (0 = do not block). Entries per stream, in id order.
     */
    public Map<String, List<StreamEntry>> readNew(List<String> streams, int count, long blockMillis) {
        Map<String, String> ids = new LinkedHashMap<>();
        streams.forEach(stream -> ids.put(stream, ">"));
        return read(ids, count, blockMillis);
    }

    /**
     * This consumer's pending entries (delivered earlier, not acked) after the given id per stream, up to
     * {@code count} per stream. Entries deleted from the stream meanwhile come back with null fields.
     */
    public Map<String, List<StreamEntry>> readOwnPending(Map<String, String> afterIds, int count) {
        return read(afterIds, count, -1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<StreamEntry>> read(Map<String, String> ids, int count, long blockMillis) {
        Map<String, List<StreamEntry>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        List<Object> args = new ArrayList<>(List.of("XREADGROUP", "GROUP", group, consumer, "COUNT", count));
        if (blockMillis > 0) {
            args.add("BLOCK");
            args.add(blockMillis);
        }
        args.add("STREAMS");
        args.addAll(ids.keySet());
        args.addAll(ids.values());
        Object reply = redis.callWithBlock(Math.max(0, blockMillis), args.toArray());
        if (reply instanceof RedisErrorReply error) {
            throw new RedisException("XREADGROUP on " + ids.keySet() + " failed: " + error.message());
        }
        if (reply == null) {
            return result;
        }
        for (Object item : (List<Object>) reply) {
            List<Object> streamReply = (List<Object>) item;
            String stream = StreamReplyText.of(streamReply.get(0));
            List<StreamEntry> entries = StreamReplies.entries(stream, streamReply.get(1));
            if (!entries.isEmpty()) {
                result.put(stream, entries);
            }
        }
        return result;
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
            List<Object> parts = (List<Object>) redis.call("XAUTOCLAIM", stream, group, consumer, minIdleMillis, cursor,
                    "COUNT", 1000, "JUSTID");
            cursor = StreamReplyText.of(parts.get(0));
            claimed += ((List<Object>) parts.get(1)).size();
            if (parts.size() > 2 && parts.get(2) != null) {
                for (Object deletedId : (List<Object>) parts.get(2)) {
                    deletedOut.add(EntryId.parse(StreamReplyText.of(deletedId)));
                }
            }
        } while (!"0-0".equals(cursor));
        return claimed;
    }

    /** The XACK command for these ids (to run alone, pipelined or inside MULTI). */
    public Object[] ackCommand(String stream, Collection<EntryId> ids) {
        Object[] command = new Object[3 + ids.size()];
        command[0] = "XACK";
        command[1] = stream;
        command[2] = group;
        int i = 3;
        for (EntryId id : ids) {
            command[i++] = id.toString();
        }
        return command;
    }

    /** Entries of {@code stream} with ids in [first, last], in order (used to rebuild a batch after a crash). */
    public List<StreamEntry> range(String stream, EntryId first, EntryId last) {
        return StreamReplies.entries(stream, redis.call("XRANGE", stream, first.toString(), last.toString()));
    }
}
