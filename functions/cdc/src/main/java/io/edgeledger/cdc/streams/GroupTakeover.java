package io.edgeledger.cdc.streams;

import io.edgeledger.cdc.redis.Command;
import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.redis.RedisException;
import io.edgeledger.cdc.redis.RedisText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Switch-over from another consumer of the same streams (the original ETRAP agent's group {@code etrap-agent}):
 * our group is created at that group's last delivered id, so what it delivered is never notarized twice and what
 * it had not delivered yet is ours. A stream it never read starts at 0. A group of ours that exists already is left
 * alone (the switch-over happened before). The entries it left pending (delivered, never acked: the agent never
 * re-reads them) are counted so they can be sealed on purpose ({@code cdc seal-pending}).
 */
public final class GroupTakeover {
    private GroupTakeover() {}

    /** Per stream: where our group starts, whether it was created now, and what the other group left pending. */
    public record Takeover(String stream, String startId, boolean created, boolean fromGroupFound, long pending, String firstPending,
            String lastPending) {}

    public static List<Takeover> createFrom(RedisConnection redis, Collection<String> streams, String fromGroup, String group) {
        List<Takeover> out = new ArrayList<>();
        for (String stream : streams) {
            String lastDelivered = lastDeliveredId(redis, stream, fromGroup);
            String start = lastDelivered == null ? "0" : lastDelivered;
            boolean created = create(redis, stream, group, start);
            long[] none = {0};
            List<String> range = new ArrayList<>();
            if (lastDelivered != null) {
                pendingSummary(redis, stream, fromGroup, none, range);
            }
            out.add(new Takeover(stream, start, created, lastDelivered != null, none[0], range.isEmpty() ? null : range.get(0),
                    range.isEmpty() ? null : range.get(1)));
        }
        return out;
    }

    /** XINFO GROUPS: the group's last-delivered-id, or null when the stream has no such group (or no stream). */
    @SuppressWarnings("unchecked")
    public static String lastDeliveredId(RedisConnection redis, String stream, String fromGroup) {
        List<Object> groups;
        try {
            groups = (List<Object>) redis.raw(Command.XINFO, RedisText.of("GROUPS"), RedisText.of(stream));
        } catch (RedisException e) {
            if (serverError(e).startsWith("ERR no such key")) {
                return null;
            }
            throw e;
        }
        for (Object g : groups) {
            List<Object> fields = (List<Object>) g;
            String name = null;
            String last = null;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                String field = RedisText.text(fields.get(i));
                if (field.equals("name")) {
                    name = RedisText.text(fields.get(i + 1));
                } else if (field.equals("last-delivered-id")) {
                    last = RedisText.text(fields.get(i + 1));
                }
            }
            if (fromGroup.equals(name)) {
                return last;
            }
        }
        return null;
    }

    private static boolean create(RedisConnection redis, String stream, String group, String startId) {
        try {
            redis.raw(Command.XGROUP, RedisText.of("CREATE"), RedisText.of(stream), RedisText.of(group), RedisText.of(startId), RedisText.of("MKSTREAM"));
            return true;
        } catch (RedisException e) {
            if (serverError(e).startsWith("BUSYGROUP")) {
                return false;
            }
            throw new RedisException("cannot create consumer group " + group + " on " + stream + " at " + startId + ": " + e.getMessage());
        }
    }

    /** The server's error text behind a wrapped command failure ("" when it was no server error). */
    private static String serverError(RedisException e) {
        return e.getCause() instanceof redis.clients.jedis.exceptions.JedisDataException d ? String.valueOf(d.getMessage()) : "";
    }

    /** XPENDING summary form: count, smallest and greatest pending id. */
    @SuppressWarnings("unchecked")
    private static void pendingSummary(RedisConnection redis, String stream, String fromGroup, long[] count, List<String> range) {
        List<Object> summary = (List<Object>) redis.raw(Command.XPENDING, RedisText.of(stream), RedisText.of(fromGroup));
        count[0] = summary.get(0) instanceof Long n ? n : 0;
        if (count[0] > 0) {
            range.add(RedisText.text(summary.get(1)));
            range.add(RedisText.text(summary.get(2)));
        }
    }
}
