package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.redis.RedisText;
import io.edgeledger.cdc.redis.Command;
import io.edgeledger.cdc.streams.StreamDiscovery;
import io.edgeledger.cdc.streams.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Transaction;

/**
 * Poison entries go to {@code <stream>:dead}: our fields {@code _stream}, {@code _entry_id}, {@code _code},
 * {@code _error}, then the entry's own fields unchanged. Written in the same MULTI/EXEC as the XACK, so an
 * entry is never acked without its dead letter, and never dead-lettered twice.
 */
public final class DeadLetters {
    private DeadLetters() {}

    public static String streamFor(String stream) {
        return stream + StreamDiscovery.DEAD_LETTER_SUFFIX;
    }

    /** XADD of one poison entry; {@code original} may be null (entry deleted from the stream). */
    public static void add(Transaction transaction, String stream, Poison poison, StreamEntry original) {
        List<byte[]> args = new ArrayList<>(List.of(RedisText.of(streamFor(stream)), RedisText.of("*"),
                RedisText.of("_stream"), RedisText.of(stream), RedisText.of("_entry_id"), RedisText.of(poison.id().toString()),
                RedisText.of("_code"), RedisText.of(poison.code()), RedisText.of("_error"), RedisText.of(poison.message())));
        if (original != null && original.fields() != null) {
            args.addAll(original.fields());
        }
        transaction.sendCommand(Command.XADD, args.toArray(byte[][]::new));
    }
}
