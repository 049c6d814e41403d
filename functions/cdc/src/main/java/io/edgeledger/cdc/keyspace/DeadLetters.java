package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.streams.StreamDiscovery;
import io.edgeledger.cdc.streams.StreamEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Poison entries go to {@code <stream>:dead}: our fields {@code _stream}, {@code _entry_id}, {@code _code},
 * {@code _error}, then the entry's own fields unchanged. Written in the same MULTI/EXEC as the XACK, so an
 * entry is never acked without its dead letter, and never dead-lettered twice.
 */
final class DeadLetters {
    private DeadLetters() {}

    static String streamFor(String stream) {
        return stream + StreamDiscovery.DEAD_LETTER_SUFFIX;
    }

    /** The XADD for one poison entry; {@code original} may be null (entry deleted from the stream). */
    static Object[] xadd(String stream, Poison poison, StreamEntry original) {
        List<Object> command = new ArrayList<>(List.of("XADD", streamFor(stream), "*",
                "_stream", stream, "_entry_id", poison.id().toString(), "_code", poison.code(), "_error", poison.message()));
        if (original != null && original.fields() != null) {
            command.addAll(original.fields());
        }
        return command.toArray();
    }
}
