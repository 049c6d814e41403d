package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.redis.Bytes;
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
        List<byte[]> args = new ArrayList<>(List.of(Bytes.of(streamFor(stream)), Bytes.of("*"),
                Bytes.of("_stream"), Bytes.of(stream), Bytes.of("_entry_id"), Bytes.of(poison.id().toString()),
                Bytes.of("_code"), Bytes.of(poison.code()), Bytes.of("_error"), Bytes.of(poison.message())));
        if (original != null && original.fields() != null) {
            args.addAll(original.fields());
        }
        transaction.sendCommand(Command.XADD, args.toArray(byte[][]::new));
    }
}
